import { z } from '@hono/zod-openapi';
import { ANALYTICS_BUCKETS, ANALYTICS_LIMITS, TOP_TEMPLATES_BY } from '@promptops/domain';

export const ANALYTICS_TAGS = ['Analytics'];

const instant = (description: string) => z.iso.datetime({ offset: true }).optional().openapi({ description });

const RangeQuery = {
  from: instant('Start (ISO 8601), widened down to its bucket; default: 7 days before `to`'),
  to: instant('End, exclusive (ISO 8601), widened up to its bucket; default: now'),
};

const ScopeQuery = {
  provider: z.string().min(1).max(40).optional().openapi({ description: 'Only executions on this provider', example: 'openai' }),
  model: z.string().min(1).max(200).optional().openapi({ description: 'Only executions on this model', example: 'gpt-4o-mini' }),
};

export const SeriesQuerySchema = z.object({
  template: z.string().min(1).max(200).optional().openapi({ description: 'A template name (all its versions unless `version`)', example: 'Greeter' }),
  version: z.coerce.number().int().min(1).optional().openapi({ description: 'One version of `template`' }),
  ...ScopeQuery,
  ...RangeQuery,
  bucket: z
    .enum(ANALYTICS_BUCKETS)
    .optional()
    .openapi({ description: `Point width (UTC); default hour up to 7 days, day beyond. At most ${ANALYTICS_LIMITS.maxBuckets} points, else 400.` }),
});

export const TopQuerySchema = z.object({
  by: z
    .enum(TOP_TEMPLATES_BY)
    .openapi({ description: '`cost`: highest total cost first; `failures`: most failed executions first (templates without failures left out)' }),
  ...ScopeQuery,
  ...RangeQuery,
  limit: z.coerce.number().int().min(1).max(ANALYTICS_LIMITS.maxTop).default(ANALYTICS_LIMITS.defaultTop),
});
