import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { PromptTemplate } from './prompt-template';

export const SCHEMA_TYPES = ['input', 'output'] as const;
export type SchemaType = (typeof SCHEMA_TYPES)[number];

/** A JSON Schema (draft 2020-12) attached to one template version; part of that version's content. */
export const PromptSchema = defineEntity({
  name: 'PromptSchema',
  tableName: 'prompt_schemas',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => crypto.randomUUID()),
    name: p.string().length(200),
    schema_type: p.enum([...SCHEMA_TYPES]).nativeEnumName('schema_type'),
    schema_json: p.json<Record<string, unknown>>().columnType('jsonb'),
    template: () => p.manyToOne(PromptTemplate).mapToPk().deleteRule('cascade'),
    created_at: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ name: 'prompt_schemas_template_type_unique', properties: ['template', 'schema_type'] }],
  indexes: [{ name: 'prompt_schemas_template_type_idx', properties: ['template', 'schema_type'] }],
});
export type PromptSchema = InferEntity<typeof PromptSchema>;
