import { EVALUATION_RESULT_STATUSES, EVALUATION_RUN_STATUSES } from '@promptops/db';
import { defineStateMachine } from '../executions/lifecycle/state-machine';

/**
 * How an evaluation run's status changes. A run is driven by one worker at a time (its job's
 * lock); every change is a conditional UPDATE admitting exactly `from`.
 */
export const RUNS = defineStateMachine({
  statuses: EVALUATION_RUN_STATUSES,
  live: ['queued', 'running'],
  transitions: {
    submit: { from: [], to: ['queued'] },
    /** A driver takes the run, or takes it over from a driver that died or stopped. */
    take: { from: ['queued', 'running'], to: ['running'] },
    /** Its last item was recorded: `failed` when every item failed, else `completed`. */
    finalise: { from: ['running'], to: ['completed', 'failed'] },
    cancel: { from: ['queued', 'running'], to: ['cancelled'] },
    /** Asked for: a cancelled run's unfinished items run again under the same run. */
    resume: { from: ['cancelled'], to: ['queued'], reopens: true },
  },
});

/** How one item (an entry × repetition of a run, an evaluation_results row) moves. */
export const ITEMS = defineStateMachine({
  statuses: EVALUATION_RESULT_STATUSES,
  live: ['pending', 'running'],
  transitions: {
    /** Items whose input breaks the template's input schema are created failed. */
    create: { from: [], to: ['pending', 'failed'] },
    /** A driver claims it and dispatches its execution. */
    claim: { from: ['pending'], to: ['running'] },
    /** Its execution finished (or was cancelled on its own, which fails it) and was scored. */
    record: { from: ['running'], to: ['scored', 'failed'] },
    /** Claimed ahead and never started, or its execution row never ran: it waits again. */
    release: { from: ['running'], to: ['pending'] },
    /** A dead driver's item whose execution ended without being recorded. */
    settle: { from: ['running'], to: ['failed'] },
    cancel: { from: ['pending', 'running'], to: ['cancelled'] },
    /** Its run resumed: it waits to run again. */
    resume: { from: ['cancelled'], to: ['pending'], reopens: true },
  },
});
