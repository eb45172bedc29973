import { describe, expect, it } from 'vitest';
import { canResume, isLiveRun, progressLabel, progressParts, rerunChoices, runListRefetchInterval, runRefetchInterval } from './run-status';

const progress = { total: 40, done: 12, scored: 9, failed: 3, running: 10, pending: 18, cancelled: 0 };

describe('run status', () => {
  it('treats queued and running runs as live', () => {
    expect(isLiveRun('queued')).toBe(true);
    expect(isLiveRun('running')).toBe(true);
    for (const status of ['completed', 'failed', 'cancelled'] as const) expect(isLiveRun(status)).toBe(false);
  });

  it('polls a live run every second and stops once it is final or unreadable', () => {
    expect(runRefetchInterval({ status: 'running' })).toBe(1000);
    expect(runRefetchInterval({ status: 'completed' })).toBe(false);
    expect(runRefetchInterval({ status: 'running' }, true)).toBe(false);
    expect(runRefetchInterval(undefined)).toBe(false);
    expect(runListRefetchInterval([{ status: 'completed' }, { status: 'queued' }])).toBe(2000);
    expect(runListRefetchInterval([{ status: 'completed' }])).toBe(false);
  });

  it('splits progress into bar widths and a sentence', () => {
    expect(progressParts(progress)).toEqual({ scored: 22.5, failed: 7.5, running: 25, cancelled: 0, done: 30 });
    expect(progressParts({ ...progress, total: 0 })).toEqual({ scored: 0, failed: 0, running: 0, cancelled: 0, done: 0 });
    expect(progressLabel(progress)).toBe('12 of 40 items done (3 failed)');
    expect(progressLabel({ total: 1, done: 1, scored: 1, failed: 0, running: 0, pending: 0, cancelled: 0 })).toBe('1 of 1 item done');
    expect(progressLabel({ ...progress, cancelled: 5 })).toBe('12 of 40 items done (3 failed), 5 cancelled');
  });

  it('offers re-running the failed, not passed and cancelled items of a final run', () => {
    const summary = { scored: 9, passed: 6 };
    expect(rerunChoices({ status: 'running', progress, summary })).toEqual([]);
    expect(rerunChoices({ status: 'completed', progress, summary })).toEqual([
      { label: 'Items whose execution failed', count: 3 },
      { include: 'not_passed', label: 'Items scored but not passed', count: 3 },
    ]);
    expect(rerunChoices({ status: 'cancelled', progress: { ...progress, failed: 0, cancelled: 28 }, summary: { scored: 9, passed: 9 } })).toEqual([
      { include: 'cancelled', label: 'Items cancelled with the run', count: 28 },
    ]);
  });

  it('offers resuming only a cancelled run with items left', () => {
    expect(canResume({ status: 'cancelled', progress: { ...progress, cancelled: 5, pending: 0 } })).toBe(true);
    expect(canResume({ status: 'cancelled', progress: { ...progress, cancelled: 0, pending: 0 } })).toBe(false);
    expect(canResume({ status: 'completed', progress })).toBe(false);
  });
});
