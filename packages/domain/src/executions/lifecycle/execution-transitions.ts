import { EXECUTION_STATUSES } from '@promptops/db';
import { defineStateMachine } from './state-machine';

/**
 * Every way an execution's status changes, and the only place that says so. Each transition is
 * one conditional statement in execution-sql.ts (run for single rows by execution-lifecycle.ts,
 * and composed into the run driver's batched round trip) whose WHERE admits exactly `from`: two
 * actors racing for one row (two workers, a worker and the reconciler, a worker and a cancel) can
 * never both move it.
 *
 *   submit ──▶ queued ──claim──▶ running ──finish──▶ succeeded | failed
 *                ▲                  │
 *                └─────release──────┘
 *   queued | running ──cancel──▶ cancelled     (by request, or with its run)
 *   queued | running ──recover──▶ queued       (reconciler; ──abandon──▶ failed after too many)
 */
export const EXECUTIONS = defineStateMachine({
  statuses: EXECUTION_STATUSES,
  live: ['queued', 'running'],
  transitions: {
    /** The API saves a submission (execution-insert.ts), then enqueues it. */
    submit: { from: [], to: ['queued'] },
    /** A run driver creates an item's execution already held by itself: it runs it at once. */
    dispatch: { from: [], to: ['running'] },
    /** A worker takes a queued row, or a running one whose heartbeat went stale (its worker died). */
    claim: { from: ['queued', 'running'], to: ['running'] },
    /** A run driver takes over its run's unfinished executions from the driver before it. */
    adopt: { from: ['queued', 'running'], to: ['running'] },
    /** The worker holding a row proves it is alive. */
    heartbeat: { from: ['running'], to: ['running'] },
    /** A retryable provider failure: back to the queue for its backoff, with what the attempts taught. */
    release: { from: ['running'], to: ['queued'] },
    /** The worker holding the row writes its result. */
    finish: { from: ['running'], to: ['succeeded', 'failed'] },
    /** Asked for (or its run was cancelled); a running one stops at its next state change. */
    cancel: { from: ['queued', 'running'], to: ['cancelled'] },
    /** The reconciler re-queues a row no queue works on: Redis lost it, or its worker died. */
    recover: { from: ['queued', 'running'], to: ['queued'] },
    /** The reconciler gives up on a row it re-queued too often. */
    abandon: { from: ['queued', 'running'], to: ['failed'] },
    /** A stopping run driver removes the rows of items it claimed ahead but never started. */
    withdraw: { from: ['running'], to: [] },
  },
});

export type ExecutionTransition = keyof typeof EXECUTIONS.transitions;
