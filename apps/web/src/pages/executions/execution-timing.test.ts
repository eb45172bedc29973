import { describe, expect, it } from 'vitest';
import { executionTimings } from './execution-timing';

describe('execution timings', () => {
  it('splits a finished execution into queue wait, run time and total', () => {
    expect(
      executionTimings({ executed_at: '2025-03-10T12:00:00.000Z', started_at: '2025-03-10T12:00:00.250Z', finished_at: '2025-03-10T12:00:02.000Z' }),
    ).toEqual({ queuedMs: 250, runMs: 1750, totalMs: 2000 });
  });

  it('counts up to now while the execution is queued or running', () => {
    const now = Date.parse('2025-03-10T12:00:05.000Z');
    expect(executionTimings({ executed_at: '2025-03-10T12:00:00.000Z', started_at: null, finished_at: null }, now)).toEqual({
      queuedMs: 5000,
      runMs: null,
      totalMs: 5000,
    });
    expect(executionTimings({ executed_at: '2025-03-10T12:00:00.000Z', started_at: '2025-03-10T12:00:01.000Z', finished_at: null }, now)).toEqual({
      queuedMs: 1000,
      runMs: 4000,
      totalMs: 5000,
    });
  });

  it('leaves the run time unknown for an execution cancelled before it started', () => {
    expect(executionTimings({ executed_at: '2025-03-10T12:00:00.000Z', started_at: null, finished_at: '2025-03-10T12:00:03.000Z' })).toEqual({
      queuedMs: null,
      runMs: null,
      totalMs: 3000,
    });
  });
});
