import { z } from '@hono/zod-openapi';
import { TEMPLATE_LIMITS, TEMPLATE_SORTS } from '@promptops/domain';
import { TemplateListItemSchema } from '@promptops/validators';
import { PaginationQuerySchema, pageSchema } from '../../http/common-schemas';
import { category, tag } from './template-schemas';

const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');

export const ListTemplatesQuerySchema = PaginationQuerySchema.extend({
  limit: PaginationQuerySchema.shape.limit.openapi({ description: 'Page size (1 to 200)' }),
  offset: PaginationQuerySchema.shape.offset.openapi({ description: 'Rows to skip' }),
  category: category.optional().openapi({ description: 'Only names in this category' }),
  tag: z
    .union([tag, z.array(tag).max(TEMPLATE_LIMITS.maxTagsPerTemplate)])
    .optional()
    .transform((value) => (value === undefined || Array.isArray(value) ? value : [value]))
    .openapi({ description: 'Only names carrying this tag; repeat it (`tag=a&tag=b`) for names carrying every one of them' }),
  is_active: booleanQuery.optional().openapi({ description: 'Only active (`true`) or inactive (`false`) versions' }),
  provider: z.string().max(TEMPLATE_LIMITS.providerMaxLength).optional().openapi({ description: 'Only versions set to this provider' }),
  name: z.string().max(TEMPLATE_LIMITS.nameMaxLength).optional().openapi({ description: 'Exact name' }),
  q: z.string().max(200).optional().openapi({ description: 'Case-insensitive substring of name or description' }),
  latest_only: booleanQuery.optional().openapi({ description: 'Only the version each name resolves to' }),
  per_name: booleanQuery.optional().openapi({
    description:
      'One row per name: the version it resolves to or, when no version is active, its highest version, with ' +
      '`version_count`. The other filters apply to that row; `total` counts names.',
  }),
  sort: z
    .enum(TEMPLATE_SORTS)
    .optional()
    .openapi({ description: 'Order; `-` means descending. Default `name`; ties by name, then newest version; nulls last.' }),
  include_stats: booleanQuery.optional().openapi({
    description: "Add each row's executions over the last 24 hours as `stats` (with per_name: every version of the name)",
  }),
}).strict();

export const TemplatePageSchema = pageSchema(TemplateListItemSchema, 'TemplatePage');
