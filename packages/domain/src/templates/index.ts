export { TemplateService, type SchemaChangeResult, type TemplateDeps } from './template-service';
export type { TemplateDto, SchemaDto } from './template-dto';
export type { TemplateDiff, FieldChange, PromptDiff, DiffHunk, SchemaDiff, VersionLabel } from './template-diff';
export { TEMPLATE_LIMITS, BUILTIN_PROVIDERS, SLUG_PATTERN } from './template-limits';
export { IMMUTABLE_FIELDS } from './template-draft';
export { parseTemplateRef, type TemplateRef } from './template-ref';
export type * from './template-types';
export { TEMPLATE_SORTS } from './template-types';
