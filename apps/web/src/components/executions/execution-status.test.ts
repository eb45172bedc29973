import { describe, expect, it } from 'vitest';
import { detailRefetchInterval, failureLabel, isLive, listRefetchInterval, statusTone } from './execution-status';
import { EXECUTION_STATUSES, FAILURE_KINDS } from '../../api/enums';

describe('execution status', () => {
  it('gives every status its colour', () => {
    expect(EXECUTION_STATUSES.map(statusTone)).toEqual(['neutral', 'info', 'success', 'danger', 'warning']);
  });

  it('treats only queued and running as live', () => {
    expect(EXECUTION_STATUSES.filter(isLive)).toEqual(['queued', 'running']);
  });

  it('labels every failure kind', () => {
    expect(FAILURE_KINDS.map(failureLabel)).toEqual(['Render error', 'Invalid output', 'Provider error', 'Timed out', 'Cancelled']);
    expect(failureLabel(null)).toBe('—');
  });
});

describe('polling', () => {
  it('refreshes the list every 2 s while a row is queued or running', () => {
    expect(listRefetchInterval([{ status: 'succeeded' }, { status: 'running' }])).toBe(2000);
    expect(listRefetchInterval([{ status: 'queued' }])).toBe(2000);
  });

  it('stops refreshing the list when every row is final, or before data arrives', () => {
    expect(listRefetchInterval([{ status: 'succeeded' }, { status: 'failed' }, { status: 'cancelled' }])).toBe(false);
    expect(listRefetchInterval([])).toBe(false);
    expect(listRefetchInterval(undefined)).toBe(false);
  });

  it('follows one execution every second until it finishes', () => {
    expect(detailRefetchInterval({ status: 'queued' })).toBe(1000);
    expect(detailRefetchInterval({ status: 'running' })).toBe(1000);
    expect(detailRefetchInterval({ status: 'failed' })).toBe(false);
    expect(detailRefetchInterval(undefined)).toBe(false);
  });

  it('stops following when the execution cannot be read', () => {
    expect(detailRefetchInterval({ status: 'running' }, true)).toBe(false);
  });
});
