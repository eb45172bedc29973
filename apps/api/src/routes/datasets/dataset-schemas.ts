import { z } from '@hono/zod-openapi';
import { DATASET_LIMITS } from '@promptops/domain';
import { IdParamSchema, JsonObjectSchema, PaginationQuerySchema, pageSchema } from '../../http/common-schemas';

export const DATASET_TAGS = ['Datasets'];

export function jsonResponse<T>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export function jsonBody<T>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } };
}

const timestamp = z.string().openapi({ format: 'date-time', example: '2025-01-31T12:00:00.000Z' });

export const DatasetSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    template: z.string().nullable().openapi({
      description: 'The tied template: a `name` (runs follow the version the name resolves to) or `name@N` (pinned); null when untied',
      example: 'Greeter',
    }),
    template_id: z.uuid().nullable().openapi({ description: '`template` resolved now; null when untied or when nothing answers to it' }),
    entry_count: z.number().int(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .openapi('Dataset');

export const DatasetDetailSchema = DatasetSchema.extend({
  tags: z.record(z.string(), z.number().int()).openapi({ description: 'How many entries carry each tag' }),
}).openapi('DatasetDetail');

export const DatasetPageSchema = pageSchema(DatasetSchema, 'DatasetPage');

const templateRef = z.string().min(1).max(300).openapi({
  description: 'A template `name` (the dataset follows the version the name resolves to), or `name@N` or a version id (pinned to that version)',
  example: 'support-reply',
});

export const CreateDatasetSchema = z
  .strictObject({
    name: z.string().min(1).max(200).regex(/\S/, 'must not be blank'),
    description: z.string().max(10_000).optional(),
    template: templateRef.nullable().optional(),
  })
  .openapi('CreateDataset');

export const UpdateDatasetSchema = CreateDatasetSchema.partial().openapi('UpdateDataset');

export const DatasetDeleteResultSchema = z
  .object({
    id: z.uuid(),
    deleted: z.enum(['soft', 'hard']).openapi({
      description: '`hard`: never evaluated, gone with its entries; `soft`: it has runs, so it is hidden while its runs and results stay readable',
    }),
  })
  .openapi('DatasetDeleteResult');

export const ListDatasetsQuerySchema = PaginationQuerySchema.extend({
  template: z.string().min(1).max(200).optional().openapi({ description: 'Only datasets tied to this template name (following it or pinned to a version)' }),
  q: z.string().max(200).optional().openapi({ description: 'Case-insensitive substring of name or description' }),
});

const tag = z.string().min(1).max(DATASET_LIMITS.maxTagLength).regex(/\S/, 'must not be blank');

export const EntryInputSchema = z
  .strictObject({
    input_data: JsonObjectSchema.openapi({ description: 'Context the template is rendered with' }),
    expected_output: z.unknown().optional().openapi({ description: 'Any JSON: a string for text answers, an object for structured ones' }),
    tags: z.array(tag).max(DATASET_LIMITS.maxTagsPerEntry).optional(),
  })
  .openapi('DatasetEntryInput');

export const EntryUpdateSchema = EntryInputSchema.partial().openapi('DatasetEntryUpdate');

export const EntrySchema = z
  .object({
    id: z.uuid(),
    dataset_id: z.uuid(),
    input_data: JsonObjectSchema,
    expected_output: z.unknown(),
    tags: z.array(z.string()),
    created_at: timestamp,
  })
  .openapi('DatasetEntry');

export const EntryPageSchema = pageSchema(EntrySchema, 'DatasetEntryPage');

export const EntryParamsSchema = IdParamSchema.extend({
  entryId: z.uuid().openapi({ param: { name: 'entryId', in: 'path' } }),
});

const validateFlag = z
  .enum(['true', 'false'])
  .optional()
  .openapi({ description: "`false` skips checking input_data against the template's input schema" });

export const WriteQuerySchema = z.object({ validate: validateFlag });

export const ListEntriesQuerySchema = PaginationQuerySchema.extend({
  tags: z.string().max(5_000).optional().openapi({ description: 'Comma-separated tags, e.g. `smoke,edge`' }),
  match: z.enum(['any', 'all']).default('any').openapi({ description: '`any`: at least one tag; `all`: every tag' }),
  order: z
    .enum(['oldest', 'newest'])
    .default('oldest')
    .openapi({ description: '`oldest`: the order entries were written or imported; `newest`: the reverse' }),
});

export const ImportQuerySchema = z.object({
  validate: validateFlag,
  dedupe: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: '`true` skips entries whose (input_data, expected_output) already exist' }),
});

export const ImportResultSchema = z
  .object({ imported: z.number().int(), skipped: z.number().int() })
  .openapi('DatasetImportResult');

/** `a, b,,c` → `['a', 'b', 'c']`. */
export function parseTagList(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}
