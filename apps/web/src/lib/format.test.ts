import { describe, expect, it } from 'vitest';
import { formatCost, formatDateTime, formatDuration, formatPercent, formatRelativeTime } from './format';

describe('display formats', () => {
  it('says how long ago, relative to a given now', () => {
    const now = Date.parse('2026-01-10T12:00:00Z');
    expect(formatRelativeTime('2026-01-10T11:59:30Z', now)).toBe('30 seconds ago');
    expect(formatRelativeTime('2026-01-10T09:00:00Z', now)).toBe('3 hours ago');
    expect(formatRelativeTime('2026-01-08T12:00:00Z', now)).toBe('2 days ago');
    expect(formatRelativeTime(null, now)).toBe('—');
  });

  it('formats dates, and says so when one is not a date', () => {
    expect(formatDateTime('2026-03-04T05:06:07Z')).toMatch(/2026/);
    expect(formatDateTime('not a date')).toBe('Invalid Date');
    expect(formatDateTime(null)).toBe('—');
  });

  it('formats costs, durations and ratios for tables', () => {
    expect([formatCost(0), formatCost(0.000123), formatCost(0.5), formatCost(12.345), formatCost(null)]).toEqual(['$0', '$0.00012', '$0.5000', '$12.35', '—']);
    expect([formatDuration(12.4), formatDuration(1234), formatDuration(65_000), formatDuration(null)]).toEqual(['12 ms', '1.23 s', '65.0 s', '—']);
    expect([formatPercent(0.953), formatPercent(0.953, 1), formatPercent(null)]).toEqual(['95%', '95.3%', '—']);
  });
});
