import { z } from '@hono/zod-openapi';
import { JsonObjectSchema, timestamp } from '../json';

/** A dataset as clients see it. */
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

export type DatasetView = z.infer<typeof DatasetSchema>;

/** A dataset with how many entries carry each tag. */
export const DatasetDetailSchema = DatasetSchema.extend({
  tags: z.record(z.string(), z.number().int()).openapi({ description: 'How many entries carry each tag' }),
}).openapi('DatasetDetail');

export type DatasetDetail = z.infer<typeof DatasetDetailSchema>;

export const DatasetEntrySchema = z
  .object({
    id: z.uuid(),
    dataset_id: z.uuid(),
    input_data: JsonObjectSchema,
    expected_output: z.unknown(),
    tags: z.array(z.string()),
    created_at: timestamp,
  })
  .openapi('DatasetEntry');

export type EntryView = z.infer<typeof DatasetEntrySchema>;

export const DatasetImportResultSchema = z.object({ imported: z.number().int(), skipped: z.number().int() }).openapi('DatasetImportResult');

export type ImportResult = z.infer<typeof DatasetImportResultSchema>;

/** `hard`: the dataset had no runs and is gone with its entries; `soft`: hidden, its runs and results kept. */
export const DatasetDeleteResultSchema = z
  .object({
    id: z.uuid(),
    deleted: z.enum(['soft', 'hard']).openapi({
      description: '`hard`: never evaluated, gone with its entries; `soft`: it has runs, so it is hidden while its runs and results stay readable',
    }),
  })
  .openapi('DatasetDeleteResult');

export type DatasetDeleteOutcome = z.infer<typeof DatasetDeleteResultSchema>;
