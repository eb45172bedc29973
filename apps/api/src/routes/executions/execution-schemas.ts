import { z } from '@hono/zod-openapi';
import { EXECUTION_KINDS, EXECUTION_STATUSES, FAILURE_KINDS } from '@promptops/db';
import { JsonObjectSchema } from '@promptops/validators';
import { PaginationQuerySchema } from '../../http/common-schemas';

const PROMPT_MAX_CHARS = 200_000;

export const ModelOverridesSchema = {
  provider: z.string().min(1).max(40).optional().openapi({ description: 'openai, xai, auto, mock, or a configured custom provider' }),
  model: z.string().max(200).optional(),
  temperature: z.number().min(0).max(2).optional(),
  max_tokens: z.number().int().positive().max(1_000_000).optional(),
};

export const SubmitExecutionBodySchema = z
  .strictObject({
    template_id: z.uuid().optional().openapi({ description: 'Exact template version id' }),
    template: z.string().min(1).max(250).optional().openapi({ description: '`name` (highest active version) or `name@N`', example: 'Chat Assistant' }),
    context: JsonObjectSchema.optional().openapi({ description: 'Variables for the template; checked against its input schema' }),
    system_prompt: z.string().max(PROMPT_MAX_CHARS).optional().openapi({ description: 'Raw mode: system prompt used as is' }),
    user_prompt: z.string().min(1).max(PROMPT_MAX_CHARS).optional().openapi({ description: 'Raw mode: user prompt used as is' }),
    output_schema: JsonObjectSchema.optional().openapi({ description: 'Raw mode: JSON Schema the answer must satisfy' }),
    max_validation_retries: z.number().int().min(0).max(10).optional().openapi({ description: 'Raw mode: extra attempts after invalid output' }),
    ...ModelOverridesSchema,
  })
  .superRefine((body, ctx) => {
    const templated = body.template_id !== undefined || body.template !== undefined;
    if (body.template_id !== undefined && body.template !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['template'], message: 'give either template_id or template, not both' });
    }
    if (templated) {
      for (const field of ['system_prompt', 'user_prompt', 'output_schema', 'max_validation_retries'] as const) {
        if (body[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'only allowed without a template' });
      }
    } else {
      if (body.user_prompt === undefined) {
        ctx.addIssue({ code: 'custom', path: ['template'], message: 'give a template (template_id or template) or a raw user_prompt' });
      }
      if (body.context !== undefined) ctx.addIssue({ code: 'custom', path: ['context'], message: 'context needs a template' });
    }
  })
  .openapi('SubmitExecution');

export const SubmitQuerySchema = z.object({
  wait: z.coerce.number().min(0).max(60).optional().openapi({ description: 'Seconds to wait for the result (max 60) before answering 202' }),
});

export const IdempotencyHeaderSchema = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .optional()
    .openapi({
      param: { name: 'idempotency-key', in: 'header' },
      description:
        'Sent again with the same body to the same route and resource (within IDEMPOTENCY_TTL_HOURS, 24 h by default), the request returns what it created the first time; with a different body it is refused with 422 `idempotency_key_reused`',
    }),
});

export const ListExecutionsQuerySchema = PaginationQuerySchema.extend({
  limit: PaginationQuerySchema.shape.limit.openapi({ description: 'Page size (1 to 200)' }),
  offset: PaginationQuerySchema.shape.offset.openapi({ description: 'Rows to skip' }),
  template_id: z.uuid().optional().openapi({ description: 'Only executions of this exact template version id' }),
  template: z.string().min(1).max(250).optional().openapi({
    description: 'A template name (every version, deleted ones included) or `name@N` (exactly that version); an unknown name gives an empty page',
    example: 'Chat Assistant@2',
  }),
  status: z.enum(EXECUTION_STATUSES).optional().openapi({ description: 'Only executions in this state' }),
  failure_kind: z.enum(FAILURE_KINDS).optional().openapi({ description: 'Only failed or cancelled executions that ended this way' }),
  kind: z.enum(EXECUTION_KINDS).optional().openapi({ description: 'template, raw or generation' }),
  run_id: z.uuid().optional().openapi({ description: 'Only executions of this evaluation run' }),
  from: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Executed at or after (ISO 8601)' }),
  to: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Executed before (ISO 8601)' }),
});
