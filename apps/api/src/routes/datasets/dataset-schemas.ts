import { z } from '@hono/zod-openapi';
import { DATASET_LIMITS } from '@promptops/domain';
import { DatasetEntrySchema, DatasetSchema, JsonObjectSchema } from '@promptops/validators';
import { IdParamSchema, PaginationQuerySchema, pageSchema } from '../../http/common-schemas';

export const DATASET_TAGS = ['Datasets'];

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

export const EntryPageSchema = pageSchema(DatasetEntrySchema, 'DatasetEntryPage');

export const EntryParamsSchema = IdParamSchema.extend({
  entryId: z.uuid().openapi({ param: { name: 'entryId', in: 'path' } }),
});

const validateFlag = z.enum(['true', 'false']).optional().openapi({ description: "`false` skips checking input_data against the template's input schema" });

export const WriteQuerySchema = z.object({ validate: validateFlag });

export const ListEntriesQuerySchema = PaginationQuerySchema.extend({
  tags: z.string().max(5_000).optional().openapi({ description: 'Comma-separated tags, e.g. `smoke,edge`' }),
  match: z.enum(['any', 'all']).default('any').openapi({ description: '`any`: at least one tag; `all`: every tag' }),
  order: z.enum(['oldest', 'newest']).default('oldest').openapi({ description: '`oldest`: the order entries were written or imported; `newest`: the reverse' }),
});

export const ImportQuerySchema = z.object({
  validate: validateFlag,
  dedupe: z.enum(['true', 'false']).optional().openapi({ description: '`true` skips entries whose (input_data, expected_output) already exist' }),
});

/** `a, b,,c` → `['a', 'b', 'c']`. */
export function parseTagList(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}
