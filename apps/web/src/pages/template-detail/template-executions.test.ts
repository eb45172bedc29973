import { describe, expect, it } from 'vitest';
import { EXECUTIONS_PAGE_SIZE, executionsQueryFor, LIVE_REFRESH_MS, refetchIntervalFor, statusTone, versionNumbersById } from './template-executions';

describe('executionsQueryFor', () => {
  it('lists every version of the name by default, and one version when asked', () => {
    expect(executionsQueryFor('Greeter', 3, undefined, undefined)).toEqual({ template: 'Greeter', limit: EXECUTIONS_PAGE_SIZE, offset: 0 });
    expect(executionsQueryFor('Greeter', 3, 'version', 3)).toEqual({ template: 'Greeter@3', limit: 20, offset: 40 });
  });
});

describe('refetchIntervalFor', () => {
  it('polls while an execution is queued or running', () => {
    expect(refetchIntervalFor([{ status: 'succeeded' }, { status: 'running' }])).toBe(LIVE_REFRESH_MS);
    expect(refetchIntervalFor([{ status: 'queued' }])).toBe(LIVE_REFRESH_MS);
  });

  it('stops once every execution finished, or before anything loaded', () => {
    expect(refetchIntervalFor([{ status: 'succeeded' }, { status: 'failed' }, { status: 'cancelled' }])).toBe(false);
    expect(refetchIntervalFor([])).toBe(false);
    expect(refetchIntervalFor(undefined)).toBe(false);
  });
});

describe('display helpers', () => {
  it('gives each status a tone', () => {
    expect(statusTone('succeeded')).toBe('success');
    expect(statusTone('failed')).toBe('danger');
    expect(statusTone('running')).toBe('info');
  });

  it('maps version ids to version numbers', () => {
    const map = versionNumbersById([{ id: 'a', version_number: 1 } as never, { id: 'b', version_number: 2 } as never]);
    expect(map.get('b')).toBe(2);
    expect(map.get('gone')).toBeUndefined();
  });
});
