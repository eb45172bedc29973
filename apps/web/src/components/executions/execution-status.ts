import type { BadgeTone } from '../ui/badge';
import type { ExecutionStatus, FailureKind } from '../../api/enums';

const STATUS_TONES: Record<ExecutionStatus, BadgeTone> = {
  queued: 'neutral',
  running: 'info',
  succeeded: 'success',
  failed: 'danger',
  cancelled: 'warning',
};

export function statusTone(status: ExecutionStatus): BadgeTone {
  return STATUS_TONES[status];
}

/** Queued and running executions still change; the others are final. */
export function isLive(status: ExecutionStatus): boolean {
  return status === 'queued' || status === 'running';
}

export const LIST_REFRESH_MS = 2000;
export const DETAIL_REFRESH_MS = 1000;

/** The list polls while anything on the page may still change, and stops once all of it is final. */
export function listRefetchInterval(items: readonly { status: ExecutionStatus }[] | undefined): number | false {
  return items?.some((item) => isLive(item.status)) ? LIST_REFRESH_MS : false;
}

/** One execution is followed every second until it reaches a terminal state (or cannot be read). */
export function detailRefetchInterval(execution: { status: ExecutionStatus } | undefined, failed = false): number | false {
  if (failed || !execution) return false;
  return isLive(execution.status) ? DETAIL_REFRESH_MS : false;
}

const FAILURE_LABELS: Record<FailureKind, string> = {
  render: 'Render error',
  validation: 'Invalid output',
  provider: 'Provider error',
  timeout: 'Timed out',
  cancelled: 'Cancelled',
};

/** A failure kind as people read it, e.g. `validation` → "Invalid output". */
export function failureLabel(kind: FailureKind | null | undefined): string {
  return kind ? FAILURE_LABELS[kind] : '—';
}
