import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { PromptTemplateName } from './prompt-template-name';

/**
 * One immutable version of a named prompt. Content columns (prompts, model settings) are never
 * updated after insert; only activation and usage change. Description, category and tags belong
 * to the name (PromptTemplateName).
 */
export const PromptTemplate = defineEntity({
  name: 'PromptTemplate',
  tableName: 'prompt_templates',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => crypto.randomUUID()),
    name: () => p.manyToOne(PromptTemplateName).mapToPk().fieldName('name').deleteRule('restrict'),
    system_prompt: p.text().default(''),
    user_prompt_template: p.text(),
    model: p.string().length(200).default(''),
    provider: p.string().length(40).default('auto'),
    temperature: p.double().$type<number>().default(0.7),
    max_tokens: p.integer().nullable(),
    /** Extra attempts after an output fails its schema; the errors are fed back to the model. */
    max_validation_retries: p.integer().default(2),
    version_number: p.integer(),
    /** Version of the same name this one was derived from; null for version 1. */
    parent_version: p.integer().nullable(),
    /** Template (of another name) this lineage was duplicated from. */
    source_template_id: p.uuid().nullable(),
    is_active: p.boolean().default(true),
    usage_count: p.integer().default(0),
    last_used_at: p.datetime().nullable(),
    deleted_at: p.datetime().nullable(),
    created_at: p.datetime().onCreate(() => new Date()),
    updated_at: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  uniques: [{ name: 'prompt_templates_name_version_unique', properties: ['name', 'version_number'] }],
  indexes: [
    {
      name: 'prompt_templates_name_version_desc_idx',
      expression: 'create index "prompt_templates_name_version_desc_idx" on "prompt_templates" ("name", "version_number" desc)',
    },
  ],
});
export type PromptTemplate = InferEntity<typeof PromptTemplate>;
