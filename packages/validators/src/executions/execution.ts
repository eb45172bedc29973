import { z } from '@hono/zod-openapi';
import { EXECUTION_KINDS, EXECUTION_STATUSES, FAILURE_KINDS } from '@promptops/db';
import { JsonObjectSchema, timestamp } from '../json';

/** An execution as clients see it: prompts, output, tokens, cost, timing and attempts. */
export const ExecutionSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(EXECUTION_KINDS),
    status: z.enum(EXECUTION_STATUSES),
    failure_kind: z.enum(FAILURE_KINDS).nullable(),
    error_message: z.string().nullable(),
    template_id: z.string().nullable(),
    dataset_entry_id: z.string().nullable(),
    run_id: z.string().nullable(),
    repetition: z.number().int(),
    input_context: JsonObjectSchema,
    provider: z.string(),
    model: z.string(),
    temperature: z.number().nullable(),
    max_tokens: z.number().nullable(),
    rendered_system_prompt: z.string().nullable(),
    rendered_user_prompt: z.string().nullable(),
    output_schema: JsonObjectSchema.nullable(),
    response_text: z.string().nullable(),
    parsed_output: z.unknown(),
    prompt_tokens: z.number().int(),
    completion_tokens: z.number().int(),
    total_tokens: z.number().int(),
    tokens_used: z.number().int().openapi({ description: 'Same as total_tokens; the name the original system used' }),
    cost_usd: z.number().nullable(),
    execution_time_ms: z.number().nullable(),
    attempts: z.number().int(),
    attempt_log: z.array(z.unknown()),
    generated_template_id: z.string().nullable(),
    request_id: z.string().nullable(),
    executed_at: timestamp,
    started_at: timestamp.nullable(),
    finished_at: timestamp.nullable(),
  })
  .openapi('Execution');

export type ExecutionDto = z.infer<typeof ExecutionSchema>;

/** What a submission answers when the execution has not finished within `wait`. */
export const ExecutionAcceptedSchema = z.object({ id: z.uuid(), status: z.enum(EXECUTION_STATUSES) }).openapi('ExecutionAccepted');
