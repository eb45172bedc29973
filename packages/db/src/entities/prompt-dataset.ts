import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { PromptTemplate } from './prompt-template';

/** A named set of test cases, optionally tied to the template it was written for. */
export const PromptDataset = defineEntity({
  name: 'PromptDataset',
  tableName: 'prompt_datasets',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    name: p.string().length(200).unique('prompt_datasets_name_unique'),
    description: p.text().default(''),
    template: () => p.manyToOne(PromptTemplate).mapToPk().nullable().deleteRule('set null').index('prompt_datasets_template_idx'),
    created_at: p.datetime().onCreate(() => new Date()),
    updated_at: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type PromptDataset = InferEntity<typeof PromptDataset>;
