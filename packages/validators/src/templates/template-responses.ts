import { z } from '@hono/zod-openapi';
import { JsonSchemaObject } from '../json';
import { PromptSchemaSchema, TemplateSchema } from './template';

/** Executions over the last 24 hours, by submission time. */
export const TemplateStatsSchema = z
  .object({
    executions_24h: z.number().int().openapi({ description: 'Executions submitted in the last 24 hours, in any state' }),
    succeeded_24h: z.number().int(),
    failed_24h: z.number().int(),
    success_rate_24h: z.number().nullable().openapi({ description: 'succeeded / (succeeded + failed); null when none of them finished', example: 0.95 }),
  })
  .openapi('TemplateStats');

/** A listed version, with what `per_name` and `include_stats` add. */
export const TemplateListItemSchema = TemplateSchema.extend({
  version_count: z.number().int().optional().openapi({ description: 'With per_name: visible versions of the name' }),
  stats: TemplateStatsSchema.optional().openapi({ description: 'With include_stats' }),
}).openapi('TemplateListItem');

const deletion = z.enum(['soft', 'hard']);
const VersionRefSchema = z.object({ id: z.uuid(), version_number: z.number().int() });
/** How one version was deleted: `hard` when it never ran, `soft` (hidden, kept for history) otherwise. */
const DeletedVersionSchema = VersionRefSchema.extend({ deleted: deletion });

/** The outcome of deleting a version (`name@N` or an id) or a whole name (a bare name: every version). */
export const TemplateDeleteResultSchema = z
  .object({
    name: z.string(),
    deleted: deletion.openapi({ description: '`soft` when any deleted version was kept (hidden) for the history of its executions or runs' }),
    versions: z
      .array(DeletedVersionSchema)
      .openapi({ description: 'Each version deleted: `hard` when it never ran and is gone; `soft` when it ran, so it is hidden but kept' }),
    resolves_to: VersionRefSchema.nullable().openapi({ description: 'The version the name resolves to now; null when none does' }),
  })
  .openapi('TemplateDeleteResult');

/** A category or tag in use, with how many template names carry it. */
const FacetSchema = z.object({ name: z.string(), count: z.number().int().openapi({ description: 'Template names carrying it' }) });

export const TemplateFacetsSchema = z
  .object({
    categories: z.array(FacetSchema),
    tags: z.array(FacetSchema),
    suggested_categories: z.array(z.string()).openapi({ description: 'Categories editors offer first; any slug is accepted' }),
  })
  .openapi('TemplateFacets', { description: 'Categories and tags of the template names that have a visible version, most used first' });

/** `lines` are unified diff lines, each prefixed with ' ', '-' or '+'. */
const DiffHunkSchema = z.object({
  old_start: z.number().int(),
  old_lines: z.number().int(),
  new_start: z.number().int(),
  new_lines: z.number().int(),
  lines: z.array(z.string()),
});
/** `patch` is empty when unchanged. */
const PromptDiffSchema = z.object({ changed: z.boolean(), patch: z.string().openapi({ description: 'Unified diff' }), hunks: z.array(DiffHunkSchema) });
const SchemaChangeSchema = z.object({ changed: z.boolean(), old: JsonSchemaObject.nullable(), new: JsonSchemaObject.nullable() });
const VersionLabelSchema = z.object({ id: z.uuid(), name: z.string(), version_number: z.number().int() });
const FieldChangeSchema = z.object({ field: z.string(), old: z.unknown(), new: z.unknown() });

/** How `to` differs from `from`: old values come from `from`, new values from `to`; `changed_fields` includes schemas. */
export const TemplateDiffSchema = z
  .object({
    from: VersionLabelSchema,
    to: VersionLabelSchema,
    changed_fields: z.array(FieldChangeSchema),
    prompts: z.object({ system_prompt: PromptDiffSchema, user_prompt_template: PromptDiffSchema }),
    schemas: z.object({ input_schema: SchemaChangeSchema, output_schema: SchemaChangeSchema }),
  })
  .openapi('TemplateDiff');

/** The new version a schema change produced, and the schema it now has (null after a removal). */
export const SchemaChangeResultSchema = z
  .object({ template: TemplateSchema, schema: PromptSchemaSchema.nullable() })
  .openapi('PromptSchemaChange', { description: 'The new template version the change created, and its schema (null after a removal)' });

export type TemplateStats = z.infer<typeof TemplateStatsSchema>;
export type TemplateListItem = z.infer<typeof TemplateListItemSchema>;
export type DeletedVersion = z.infer<typeof DeletedVersionSchema>;
export type DeleteOutcome = z.infer<typeof TemplateDeleteResultSchema>;
export type FacetCount = z.infer<typeof FacetSchema>;
export type TemplateFacets = z.infer<typeof TemplateFacetsSchema>;
export type DiffHunk = z.infer<typeof DiffHunkSchema>;
export type PromptDiff = z.infer<typeof PromptDiffSchema>;
export type SchemaDiff = z.infer<typeof SchemaChangeSchema>;
export type VersionLabel = z.infer<typeof VersionLabelSchema>;
export type FieldChange = z.infer<typeof FieldChangeSchema>;
export type TemplateDiff = z.infer<typeof TemplateDiffSchema>;
export type SchemaChangeResult = z.infer<typeof SchemaChangeResultSchema>;
