import type { Schemas } from '../../api/client';
import { shapeAttempts } from '../../components/executions/execution-attempts';
import { isLive } from '../../components/executions/execution-status';
import type { Violation } from '../../components/executions/schema-violations';

export type Execution = Schemas['Execution'];

/** Time from submission to the end, or to `now` while it is still going. */
export function elapsedMs(execution: Pick<Execution, 'executed_at' | 'finished_at'>, now: number): number {
  const end = execution.finished_at ? Date.parse(execution.finished_at) : now;
  return Math.max(0, end - Date.parse(execution.executed_at));
}

export type SchemaValidity =
  | { state: 'pending' | 'no_schema' | 'not_reached' | 'valid' }
  | { state: 'invalid'; violations: Violation[]; message: string | null };

/** Whether the output satisfied the output schema: success with a schema means valid; a `validation` failure lists the last attempt's errors. */
export function schemaValidity(execution: Execution): SchemaValidity {
  if (isLive(execution.status)) return { state: 'pending' };
  if (!execution.output_schema) return { state: 'no_schema' };
  if (execution.status === 'succeeded') return { state: 'valid' };
  if (execution.failure_kind !== 'validation') return { state: 'not_reached' };
  const lastWithErrors = shapeAttempts(execution.attempt_log).findLast((attempt) => attempt.outcome === 'invalid_output');
  return { state: 'invalid', violations: lastWithErrors?.violations ?? [], message: lastWithErrors?.error ?? execution.error_message };
}
