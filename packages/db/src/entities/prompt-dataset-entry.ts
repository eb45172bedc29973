import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { PromptDataset } from './prompt-dataset';

/** One test case: the context to render with and, optionally, what a good answer looks like. */
export const PromptDatasetEntry = defineEntity({
  name: 'PromptDatasetEntry',
  tableName: 'prompt_dataset_entries',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => crypto.randomUUID()),
    dataset: () => p.manyToOne(PromptDataset).mapToPk().deleteRule('cascade'),
    input_data: p.json<Record<string, unknown>>().columnType('jsonb'),
    /** Any JSON value: a string for text answers, an object for structured ones. */
    expected_output: p.json<unknown>().columnType('jsonb').nullable(),
    tags: p.array<string>().columnType('text[]').default([]),
    created_at: p.datetime().onCreate(() => new Date()),
  },
  indexes: [{ name: 'prompt_dataset_entries_dataset_created_idx', properties: ['dataset', 'created_at'] }],
});
export type PromptDatasetEntry = InferEntity<typeof PromptDatasetEntry>;
