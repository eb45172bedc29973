/** Durations between an execution's timestamps; null where a timestamp is missing. */
export interface ExecutionTimings {
  /** Submission to a worker picking it up. */
  queuedMs: number | null;
  /** Worker start to the terminal state. */
  runMs: number | null;
  /** Submission to the terminal state, or to `now` while it is still going. */
  totalMs: number | null;
}

function between(start: string | null | undefined, end: string | number | null | undefined): number | null {
  if (!start || end === null || end === undefined) return null;
  const from = Date.parse(start);
  const to = typeof end === 'number' ? end : Date.parse(end);
  if (Number.isNaN(from) || Number.isNaN(to)) return null;
  return Math.max(0, to - from);
}

export function executionTimings(
  execution: { executed_at: string; started_at: string | null; finished_at: string | null },
  now: number = Date.now(),
): ExecutionTimings {
  return {
    queuedMs: between(execution.executed_at, execution.started_at ?? (execution.finished_at ? null : now)),
    runMs: between(execution.started_at, execution.finished_at ?? (execution.started_at ? now : null)),
    totalMs: between(execution.executed_at, execution.finished_at ?? now),
  };
}
