import { z } from '@hono/zod-openapi';
import { EVALUATION_RESULT_STATUSES, EVALUATION_RUN_STATUSES } from '@promptops/db';
import { RERUN_INCLUDES, RUN_LIMITS } from '@promptops/domain';
import { ScorerConfigListSchema } from '@promptops/validators';
import { PaginationQuerySchema } from '../../http/common-schemas';
import { ModelOverridesSchema } from '../executions/execution-schemas';

export const RUN_TAGS = ['Evaluation runs'];

export const SubmitRunBodySchema = z
  .strictObject({
    template: z.string().min(1).max(250).optional().openapi({
      description: "Template id, `name` (highest active version) or `name@N`; default: the dataset's template, resolved now",
      example: 'Chat Assistant@1',
    }),
    scorers: ScorerConfigListSchema,
    concurrency: z
      .number()
      .int()
      .min(1)
      .max(RUN_LIMITS.maxConcurrency)
      .optional()
      .openapi({ description: `Executions in flight at once (default ${RUN_LIMITS.defaultConcurrency})` }),
    repetitions: z.number().int().min(1).max(RUN_LIMITS.maxRepetitions).optional().openapi({ description: 'Times each entry is executed (default 1)' }),
    tags: z.array(z.string().min(1).max(100)).max(50).optional().openapi({ description: 'Only entries with these tags' }),
    tag_match: z.enum(['any', 'all']).optional().openapi({ description: 'Entries with any (default) or all of `tags`' }),
    provider: ModelOverridesSchema.provider,
    model: ModelOverridesSchema.model,
  })
  .openapi('SubmitRun');

export const RerunFailedBodySchema = z
  .strictObject({
    include: z
      .array(z.enum(RERUN_INCLUDES))
      .max(RERUN_INCLUDES.length)
      .optional()
      .openapi({
        description:
          'Items to re-run beyond those whose execution failed (the default): `not_passed` adds items that were scored but did not pass ' +
          '(a scorer that could not score them, such as a judge that failed to answer, included); `cancelled` adds items cancelled with their run',
        example: ['not_passed'],
      }),
  })
  .openapi('RerunFailed');

export const ListResultsQuerySchema = PaginationQuerySchema.extend({
  status: z.enum(EVALUATION_RESULT_STATUSES).optional(),
  passed: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .openapi({ description: '`false` includes items whose execution failed' }),
  dataset_entry_ids: z
    .string()
    .max(200 * 37)
    .transform((raw) =>
      raw
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== ''),
    )
    .pipe(z.array(z.uuid()).min(1).max(200))
    .optional()
    .openapi({ type: 'string', description: 'Comma-separated entry ids (at most 200): only their items, every repetition' }),
});

export const ListRunsQuerySchema = PaginationQuerySchema.extend({
  dataset_id: z.uuid().optional().openapi({ description: "Only this dataset's runs" }),
  status: z.enum(EVALUATION_RUN_STATUSES).optional(),
});

export const CompareQuerySchema = z.object({
  base: z.uuid().openapi({ description: 'Run compared against' }),
  candidate: z.uuid().openapi({ description: 'Run being judged' }),
});
