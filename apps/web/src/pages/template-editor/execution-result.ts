import type { Schemas } from '../../api/client';
import { parseViolations, type Violation } from './error-feedback';

export type Execution = Schemas['Execution'];
export type ExecutionStatus = Execution['status'];

const TERMINAL: ExecutionStatus[] = ['succeeded', 'failed', 'cancelled'];

export function isTerminal(status: ExecutionStatus): boolean {
  return TERMINAL.includes(status);
}

/** TanStack Query's refetchInterval: every second until the execution reaches a terminal state. */
export function pollInterval(execution: Pick<Execution, 'status'> | undefined, everyMs = 1000): number | false {
  return execution && isTerminal(execution.status) ? false : everyMs;
}

/** Time from submission to the end, or to `now` while it is still going. */
export function elapsedMs(execution: Pick<Execution, 'executed_at' | 'finished_at'>, now: number): number {
  const end = execution.finished_at ? Date.parse(execution.finished_at) : now;
  return Math.max(0, end - Date.parse(execution.executed_at));
}

/** One provider call of an execution, read from `attempt_log` (stored JSON, so read defensively). */
export interface Attempt {
  attempt: number;
  outcome: string;
  startedAt: string | null;
  durationMs: number | null;
  error: string | null;
  validationErrors: Violation[];
  promptTokens: number | null;
  completionTokens: number | null;
}

const numberOr = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

export function parseAttempts(log: unknown[]): Attempt[] {
  return log
    .filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null)
    .map((entry, index) => ({
      attempt: numberOr(entry.attempt) ?? index + 1,
      outcome: typeof entry.outcome === 'string' ? entry.outcome : 'unknown',
      startedAt: typeof entry.started_at === 'string' ? entry.started_at : null,
      durationMs: numberOr(entry.duration_ms),
      error: typeof entry.error === 'string' ? entry.error : null,
      validationErrors: parseViolations(entry.validation_errors),
      promptTokens: numberOr(entry.prompt_tokens),
      completionTokens: numberOr(entry.completion_tokens),
    }));
}

export type SchemaValidity =
  | { state: 'pending' | 'no_schema' | 'not_reached' | 'valid' }
  | { state: 'invalid'; violations: Violation[]; message: string | null };

/** Whether the output satisfied the output schema: success with a schema means valid; a `validation` failure lists the last attempt's errors. */
export function schemaValidity(execution: Execution): SchemaValidity {
  if (!isTerminal(execution.status)) return { state: 'pending' };
  if (!execution.output_schema) return { state: 'no_schema' };
  if (execution.status === 'succeeded') return { state: 'valid' };
  if (execution.failure_kind !== 'validation') return { state: 'not_reached' };
  const lastWithErrors = parseAttempts(execution.attempt_log).findLast((attempt) => attempt.outcome === 'invalid_output');
  return { state: 'invalid', violations: lastWithErrors?.validationErrors ?? [], message: lastWithErrors?.error ?? execution.error_message };
}
