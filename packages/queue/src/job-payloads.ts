import { z } from 'zod';

/**
 * Jobs carry ids only: PostgreSQL holds the request, so a job lost with Redis can be rebuilt from
 * the row, and a job replayed twice finds the row already finished.
 */
export const ExecutionJobSchema = z.strictObject({
  execution_id: z.uuid(),
  request_id: z.string().max(100).optional(),
  /** Set for the executions of an evaluation run, so the dashboard shows which run a job serves. */
  run_id: z.uuid().optional(),
});
export type ExecutionJob = z.infer<typeof ExecutionJobSchema>;

export const EvaluationRunJobSchema = z.strictObject({
  run_id: z.uuid(),
  request_id: z.string().max(100).optional(),
});
export type EvaluationRunJob = z.infer<typeof EvaluationRunJobSchema>;

/** Delivers one alert to one webhook; both rows are read when the job runs. */
export const WebhookJobSchema = z.strictObject({
  alert_id: z.uuid(),
  webhook_id: z.uuid(),
});
export type WebhookJob = z.infer<typeof WebhookJobSchema>;
