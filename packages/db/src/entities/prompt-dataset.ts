import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * A named set of test cases, optionally tied to a template by name: with `template_version` null it
 * follows the version the name resolves to, otherwise it is pinned to that version. A dataset with
 * evaluation runs is only ever soft-deleted (`deleted_at`), so its runs and results stay readable.
 */
export const PromptDataset = defineEntity({
  name: 'PromptDataset',
  tableName: 'prompt_datasets',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => crypto.randomUUID()),
    name: p.string().length(200),
    description: p.text().default(''),
    template_name: p.string().length(200).nullable().index('prompt_datasets_template_name_idx'),
    template_version: p.integer().nullable(),
    deleted_at: p.datetime().nullable(),
    created_at: p.datetime().onCreate(() => new Date()),
    updated_at: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  // Names are unique among live datasets; a deleted one leaves its name free for a new dataset.
  uniques: [
    {
      name: 'prompt_datasets_name_unique',
      expression: 'create unique index "prompt_datasets_name_unique" on "prompt_datasets" ("name") where "deleted_at" is null',
    },
  ],
});
export type PromptDataset = InferEntity<typeof PromptDataset>;
