import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * Categories offered as suggestions. Any short slug is a valid category; these are the ones the
 * built-in templates use and the editors propose first.
 */
export const TEMPLATE_CATEGORIES = [
  'chat',
  'auto_issue',
  'feedback_issue',
  'documentation',
  'readme_update',
  'sub_issue',
  'generation',
  'evaluation',
  'other',
] as const;

/**
 * What belongs to a template name rather than to one of its versions: description, category and
 * tags. Every version of the name shows them, and a new version inherits them, because they live
 * here once instead of being copied into each immutable version row.
 */
export const PromptTemplateName = defineEntity({
  name: 'PromptTemplateName',
  tableName: 'prompt_template_names',
  properties: {
    name: p.string().length(200).primary(),
    description: p.text().default(''),
    category: p.string().length(40).default('other'),
    tags: p.array<string>().columnType('text[]').default([]),
    created_at: p.datetime().onCreate(() => new Date()),
    updated_at: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  indexes: [
    { name: 'prompt_template_names_category_idx', properties: ['category'] },
    { name: 'prompt_template_names_tags_idx', expression: 'create index "prompt_template_names_tags_idx" on "prompt_template_names" using gin ("tags")' },
  ],
});
export type PromptTemplateName = InferEntity<typeof PromptTemplateName>;
