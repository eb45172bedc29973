import type { RunStatus } from '../../api/enums';
import type { BadgeTone } from '../../components/ui/badge';

const RUN_TONES: Record<RunStatus, BadgeTone> = {
  queued: 'neutral',
  running: 'info',
  completed: 'success',
  failed: 'danger',
  cancelled: 'warning',
};

export function runStatusTone(status: RunStatus): BadgeTone {
  return RUN_TONES[status];
}

/** A queued or running run still changes; the others are final. */
export function isLiveRun(status: RunStatus): boolean {
  return status === 'queued' || status === 'running';
}

/** A live run's page polls its state this often (the issue asks for 1 s or faster). */
export const RUN_REFRESH_MS = 1000;
/** Lists with live runs, and a live run's results, refresh a little less often. */
export const RUN_LIST_REFRESH_MS = 2000;

/** Follows a run every second until it is final, or can no longer be read. */
export function runRefetchInterval(run: { status: RunStatus } | undefined, failed = false): number | false {
  if (failed || !run) return false;
  return isLiveRun(run.status) ? RUN_REFRESH_MS : false;
}

/** A list polls while any of its runs may still change. */
export function runListRefetchInterval(runs: readonly { status: RunStatus }[] | undefined): number | false {
  return runs?.some((run) => isLiveRun(run.status)) ? RUN_LIST_REFRESH_MS : false;
}

export interface RunProgress {
  total: number;
  done: number;
  scored: number;
  failed: number;
  running: number;
  pending: number;
  cancelled: number;
}

/** Widths (percent of all items) of the progress bar's parts: scored, failed, running, cancelled. */
export function progressParts(progress: RunProgress): { scored: number; failed: number; running: number; cancelled: number; done: number } {
  if (progress.total === 0) return { scored: 0, failed: 0, running: 0, cancelled: 0, done: 0 };
  const pct = (n: number) => (n / progress.total) * 100;
  return {
    scored: pct(progress.scored),
    failed: pct(progress.failed),
    running: pct(progress.running),
    cancelled: pct(progress.cancelled),
    done: pct(progress.done),
  };
}

/** "12 of 40 items done (3 failed)". */
export function progressLabel(progress: RunProgress): string {
  const failed = progress.failed > 0 ? ` (${progress.failed} failed)` : '';
  const cancelled = progress.cancelled > 0 ? `, ${progress.cancelled} cancelled` : '';
  return `${progress.done} of ${progress.total} item${progress.total === 1 ? '' : 's'} done${failed}${cancelled}`;
}

export type RerunInclude = 'not_passed' | 'cancelled';

export interface RerunChoice {
  /** Undefined for the items always re-run: those whose execution failed. */
  include?: RerunInclude;
  label: string;
  count: number;
}

/**
 * What "Re-run" can cover on a final run, with how many items each part holds: failed executions
 * (always), scored items that did not pass, and items cancelled with the run. Nothing while it runs.
 */
export function rerunChoices(run: { status: RunStatus; progress: RunProgress; summary: { scored: number; passed: number } }): RerunChoice[] {
  if (isLiveRun(run.status)) return [];
  const choices: RerunChoice[] = [
    { label: 'Items whose execution failed', count: run.progress.failed },
    { include: 'not_passed', label: 'Items scored but not passed', count: Math.max(0, run.summary.scored - run.summary.passed) },
    { include: 'cancelled', label: 'Items cancelled with the run', count: run.progress.cancelled },
  ];
  return choices.filter((choice) => choice.count > 0);
}

/** A cancelled run with items left can be resumed: those items run again under the same run. */
export function canResume(run: { status: RunStatus; progress: RunProgress }): boolean {
  return run.status === 'cancelled' && run.progress.cancelled + run.progress.pending > 0;
}
