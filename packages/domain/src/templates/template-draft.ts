import type { SchemaType } from '@promptops/db';
import { InvalidRequestError } from '@promptops/errors';
import type { JsonSchema, JsonSchemaValidator } from '@promptops/schemas';
import { TEMPLATE_LIMITS } from './template-limits';
import type { TemplateVersion } from './template-resolver';
import type { CreateTemplateInput, InlineSchemas, NameMetadata, NewVersionInput, TemplateContent, TemplateMetadata } from './template-types';
import {
  assertSchemaDepth,
  assertValidCategory,
  assertValidContent,
  assertValidDescription,
  assertValidName,
  assertValidTags,
  normaliseTags,
} from './template-validation';

export interface SchemaDraft {
  name: string;
  schema_json: JsonSchema;
}

/** Everything needed to write one new version row and its schema rows. */
export interface VersionDraft extends TemplateMetadata {
  name: string;
  content: TemplateContent;
  schemas: Record<SchemaType, SchemaDraft | null>;
  parent_version: number | null;
  source_template_id: string | null;
}

const CONTENT_KEYS = [
  'system_prompt',
  'user_prompt_template',
  'model',
  'provider',
  'temperature',
  'max_tokens',
  'max_validation_retries',
] as const satisfies readonly (keyof TemplateContent)[];
const METADATA_KEYS = ['description', 'category', 'tags', 'is_active'] as const satisfies readonly (keyof TemplateMetadata)[];

/** Fields that identify or make up a version; a PATCH naming one is told to create a new version. */
export const IMMUTABLE_FIELDS: readonly string[] = [...CONTENT_KEYS, 'input_schema', 'output_schema', 'name'];
export const METADATA_FIELDS: readonly string[] = METADATA_KEYS;

export function defaultSchemaName(templateName: string, type: SchemaType): string {
  return `${templateName} ${type}`;
}

/** Version 1 of a new name, with defaults for everything the input leaves out. */
export function draftFromInput(input: CreateTemplateInput): VersionDraft {
  const draft: VersionDraft = {
    name: input.name,
    description: '',
    category: 'other',
    tags: [],
    is_active: true,
    content: {
      system_prompt: '',
      user_prompt_template: input.user_prompt_template,
      model: '',
      provider: 'auto',
      temperature: 0.7,
      max_tokens: null,
      max_validation_retries: 2,
    },
    schemas: { input: null, output: null },
    parent_version: null,
    source_template_id: null,
  };
  applyChanges(draft, input);
  return draft;
}

/**
 * A draft identical in content to `base` and carrying its name's metadata, derived from it;
 * callers then apply changes.
 */
export function draftFromVersion({ template, schemas }: TemplateVersion, metadata: NameMetadata): VersionDraft {
  const copySchema = (type: SchemaType): SchemaDraft | null => {
    const row = schemas[type];
    return row ? { name: row.name, schema_json: row.schema_json } : null;
  };
  return {
    name: template.name,
    description: metadata.description,
    category: metadata.category,
    tags: [...metadata.tags],
    is_active: true,
    content: {
      system_prompt: template.system_prompt,
      user_prompt_template: template.user_prompt_template,
      model: template.model,
      provider: template.provider,
      temperature: template.temperature,
      max_tokens: template.max_tokens ?? null,
      max_validation_retries: template.max_validation_retries,
    },
    schemas: { input: copySchema('input'), output: copySchema('output') },
    parent_version: template.version_number,
    source_template_id: template.source_template_id ?? null,
  };
}

/** Moves a draft to another name; schemas that carried the old default name follow the rename. */
export function renameDraft(draft: VersionDraft, name: string): void {
  for (const [type, schema] of Object.entries(draft.schemas) as [SchemaType, SchemaDraft | null][]) {
    if (schema?.name === defaultSchemaName(draft.name, type)) schema.name = defaultSchemaName(name, type);
  }
  draft.name = name;
}

/** Sets a schema (keeping the existing name unless one is given) or removes it with null. */
export function setDraftSchema(draft: VersionDraft, type: SchemaType, schemaJson: JsonSchema | null, name?: string): void {
  draft.schemas[type] =
    schemaJson === null ? null : { name: name ?? draft.schemas[type]?.name ?? defaultSchemaName(draft.name, type), schema_json: schemaJson };
}

/** Applies every defined field of `changes`; undefined means "keep". */
export function applyChanges(draft: VersionDraft, changes: NewVersionInput & InlineSchemas): void {
  const defined = CONTENT_KEYS.filter((key) => changes[key] !== undefined);
  Object.assign(draft.content, Object.fromEntries(defined.map((key) => [key, changes[key]])));
  if (changes.description !== undefined) draft.description = changes.description;
  if (changes.category !== undefined) draft.category = changes.category;
  if (changes.tags !== undefined) draft.tags = Array.isArray(changes.tags) ? normaliseTags(changes.tags) : changes.tags;
  if (changes.is_active !== undefined) draft.is_active = changes.is_active;
  if (changes.input_schema !== undefined) setDraftSchema(draft, 'input', changes.input_schema);
  if (changes.output_schema !== undefined) setDraftSchema(draft, 'output', changes.output_schema);
}

/** Every check a draft must pass before it is written; callers outside HTTP get the same rules. */
export function assertValidDraft(draft: VersionDraft, validator: JsonSchemaValidator, providers: string[]): void {
  assertValidName(draft.name);
  assertValidCategory(draft.category);
  assertValidTags(draft.tags);
  assertValidDescription(draft.description);
  assertValidContent(draft.content, providers);
  for (const [type, schema] of Object.entries(draft.schemas)) {
    if (!schema) continue;
    if (schema.name.trim() === '' || schema.name.length > TEMPLATE_LIMITS.schemaNameMaxLength) {
      throw new InvalidRequestError(`${type} schema name must be 1 to ${TEMPLATE_LIMITS.schemaNameMaxLength} characters`, {
        field: `${type}_schema`,
      });
    }
    assertSchemaDepth(`${type}_schema`, schema.schema_json);
    validator.assertValidSchema(schema.schema_json, `${type} schema`);
  }
}
