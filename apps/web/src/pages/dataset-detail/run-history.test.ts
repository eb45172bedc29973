import { describe, expect, it } from 'vitest';
import { historyPoints, timeTickFormatter } from './run-history';

const run = (id: string, created_at: string, pass_rate: number | null, status = 'completed') => ({
  id,
  status,
  created_at,
  template_ref: `T@${id}`,
  summary: { pass_rate },
});

describe('the pass-rate history', () => {
  it('puts finished runs oldest first, as percentages', () => {
    const points = historyPoints([run('3', '2026-03-03T00:00:00Z', 0.875), run('1', '2026-03-01T00:00:00Z', 0.5), run('2', '2026-03-02T00:00:00Z', 1 / 3)]);
    expect(points).toEqual([
      { id: '1', at: Date.parse('2026-03-01T00:00:00Z'), passRate: 50, template: 'T@1' },
      { id: '2', at: Date.parse('2026-03-02T00:00:00Z'), passRate: 33.3, template: 'T@2' },
      { id: '3', at: Date.parse('2026-03-03T00:00:00Z'), passRate: 87.5, template: 'T@3' },
    ]);
  });

  it('leaves out runs that are still going, were cancelled or have no pass rate', () => {
    expect(
      historyPoints([
        run('1', '2026-03-01T00:00:00Z', 0.5, 'running'),
        run('2', '2026-03-02T00:00:00Z', 0.2, 'cancelled'),
        run('3', '2026-03-03T00:00:00Z', null),
      ]),
    ).toEqual([]);
  });
});

describe('the time axis', () => {
  const at = (iso: string) => ({ id: iso, at: Date.parse(iso), passRate: 50, template: 'T' });
  it('labels hours within a day, days and hours within a week, days beyond', () => {
    expect(timeTickFormatter([at('2026-03-01T09:00:00Z'), at('2026-03-01T17:30:00Z')])(Date.parse('2026-03-01T12:05:00'))).toBe('12:05');
    expect(timeTickFormatter([at('2026-03-01T09:00:00Z'), at('2026-03-04T09:00:00Z')])(Date.parse('2026-03-02T12:05:00'))).toBe('2 Mar, 12:05');
    expect(timeTickFormatter([at('2026-03-01T09:00:00Z'), at('2026-04-01T09:00:00Z')])(Date.parse('2026-03-20T12:05:00'))).toBe('20 Mar');
  });
});
