export type { DiffHunk, FieldChange, PromptDiff, SchemaDiff, TemplateDiff, VersionLabel } from './template-diff';
export { IMMUTABLE_FIELDS } from './template-draft';
export type { SchemaDto, TemplateDto } from './template-dto';
export { BUILTIN_PROVIDERS, SLUG_PATTERN, TEMPLATE_LIMITS } from './template-limits';
export { parseTemplateRef, type TemplateRef } from './template-ref';
export { type SchemaChangeResult, type TemplateDeps, TemplateService } from './template-service';
export type * from './template-types';
export { TEMPLATE_SORTS } from './template-types';
