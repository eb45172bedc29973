import { describe, expect, it } from 'vitest';
import { customRangeProblem, resolveRange } from './analytics-range';

const NOW = Date.parse('2026-12-07T10:20:00Z');

describe('resolveRange', () => {
  it('counts presets back from the end of the current hour, in hours up to 2 days and days beyond', () => {
    expect(resolveRange('24h', NOW, {})).toEqual({ from: '2026-12-06T11:00:00.000Z', to: '2026-12-07T11:00:00.000Z', bucket: 'hour' });
    expect(resolveRange('7d', NOW, {}).bucket).toBe('day');
    expect(resolveRange('7d', NOW, {}, 'hour').bucket).toBe('hour');
    expect(resolveRange('30d', NOW, {})).toEqual({ from: '2026-11-07T11:00:00.000Z', to: '2026-12-07T11:00:00.000Z', bucket: 'day' });
    expect(resolveRange('30d', NOW, {}, 'hour').bucket).toBe('hour');
  });

  it('covers whole UTC days of a custom range, and falls back to days past the API cap on hours', () => {
    expect(resolveRange('custom', NOW, { from: '2026-12-01', to: '2026-12-02' })).toEqual({
      from: '2026-12-01T00:00:00.000Z',
      to: '2026-12-03T00:00:00.000Z',
      bucket: 'hour',
    });
    expect(resolveRange('custom', NOW, { from: '2026-12-01', to: '2026-12-03' }).bucket).toBe('day');
    expect(resolveRange('custom', NOW, { from: '2026-01-01', to: '2026-12-01' }, 'hour').bucket).toBe('day');
  });

  it('says what is wrong with a custom range', () => {
    expect(customRangeProblem({ from: '2026-12-01' })).toMatch(/last day/);
    expect(customRangeProblem({ from: '2026-12-03', to: '2026-12-01' })).toMatch(/after/);
    expect(customRangeProblem({ from: '2026-12-01', to: '2026-12-01' })).toBeNull();
  });
});
