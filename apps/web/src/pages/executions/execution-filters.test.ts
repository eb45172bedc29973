import { describe, expect, it } from 'vitest';
import {
  choiceForRange,
  describeTemplateFilter,
  displayedChoice,
  filterProblems,
  fromLocalInputValue,
  hasFilters,
  rangeForChoice,
  toExecutionsQuery,
  toLocalInputValue,
} from './execution-filters';

const NOW = Date.parse('2025-03-10T12:00:00.000Z');

describe('time range presets', () => {
  it('count back from now and leave the end open', () => {
    expect(rangeForChoice('1h', NOW)).toEqual({ from: '2025-03-10T11:00:00.000Z', to: undefined });
    expect(rangeForChoice('24h', NOW)).toEqual({ from: '2025-03-09T12:00:00.000Z', to: undefined });
    expect(rangeForChoice('7d', NOW)).toEqual({ from: '2025-03-03T12:00:00.000Z', to: undefined });
  });

  it('clear both bounds for "all" and keep the current ones for "custom"', () => {
    const current = { from: '2025-03-01T00:00:00.000Z', to: '2025-03-02T00:00:00.000Z' };
    expect(rangeForChoice('all', NOW, current)).toEqual({ from: undefined, to: undefined });
    expect(rangeForChoice('custom', NOW, current)).toEqual(current);
  });

  it('shows the picked preset only while the URL holds what it wrote', () => {
    const picked = { choice: '24h' as const, ...rangeForChoice('24h', NOW) };
    expect(displayedChoice(picked, { from: picked.from })).toBe('24h');
    expect(displayedChoice(picked, {})).toBe('all');
    expect(displayedChoice(picked, { from: '2025-01-01T00:00:00.000Z' })).toBe('custom');
    expect(displayedChoice({ choice: 'custom' }, {})).toBe('custom');
    expect(displayedChoice({ choice: 'all' }, { from: picked.from })).toBe('custom');
    expect(displayedChoice(null, {})).toBe('all');
  });

  it('shows bounds read from the URL as a custom range', () => {
    expect(choiceForRange({})).toBe('all');
    expect(choiceForRange({ from: '2025-03-01T00:00:00.000Z' })).toBe('custom');
    expect(choiceForRange({ to: '2025-03-01T00:00:00.000Z' })).toBe('custom');
  });
});

describe('datetime-local inputs', () => {
  it('read and write local wall-clock time, whatever the time zone', () => {
    const local = new Date(2025, 0, 31, 9, 5);
    expect(toLocalInputValue(local.toISOString())).toBe('2025-01-31T09:05');
    expect(fromLocalInputValue('2025-01-31T09:05')).toBe(local.toISOString());
  });

  it('round-trip to the minute', () => {
    const iso = fromLocalInputValue('2024-12-24T23:59') as string;
    expect(toLocalInputValue(iso)).toBe('2024-12-24T23:59');
  });

  it('treat empty, partial and invalid values as no bound', () => {
    expect(fromLocalInputValue('')).toBeUndefined();
    expect(fromLocalInputValue('2025-01-31')).toBeUndefined();
    expect(fromLocalInputValue('2025-13-45T99:99')).toBeUndefined();
    expect(toLocalInputValue(undefined)).toBe('');
    expect(toLocalInputValue('not a date')).toBe('');
  });
});

describe('filters to the list request', () => {
  it('asks for the first page of 50 without filters', () => {
    expect(toExecutionsQuery({})).toEqual({ limit: 50, offset: 0 });
  });

  it('maps every URL filter to the API name and pages to offsets', () => {
    expect(
      toExecutionsQuery({
        template: '  Greeter@2 ',
        status: 'failed',
        failure_kind: 'validation',
        kind: 'template',
        run: '0b5f1c7e-0000-4000-8000-000000000000',
        from: '2025-03-01T00:00:00.000Z',
        to: '2025-03-02T00:00:00+02:00',
        page: 3,
      }),
    ).toEqual({
      template: 'Greeter@2',
      status: 'failed',
      failure_kind: 'validation',
      kind: 'template',
      run_id: '0b5f1c7e-0000-4000-8000-000000000000',
      from: '2025-03-01T00:00:00.000Z',
      to: '2025-03-01T22:00:00.000Z',
      limit: 50,
      offset: 100,
    });
  });

  it('drops a blank template and turns loose URL dates into full ISO times', () => {
    const query = toExecutionsQuery({ template: '   ', from: '2025-03-01' });
    expect(query.template).toBeUndefined();
    expect(query.from).toBe(new Date('2025-03-01').toISOString());
  });

  it('knows when the list is filtered', () => {
    expect(hasFilters({ page: 2 })).toBe(false);
    expect(hasFilters({ run: 'abc' })).toBe(true);
    expect(hasFilters({ to: '2025-03-01T00:00:00.000Z' })).toBe(true);
  });
});

describe('template filter hint', () => {
  it('explains names and pinned versions', () => {
    expect(describeTemplateFilter('')).toMatch(/Name@2/);
    expect(describeTemplateFilter('Greeter')).toBe('Every version of "Greeter"');
    expect(describeTemplateFilter('Chat Assistant@12')).toBe('Version 12 of "Chat Assistant" only');
  });
});

describe('filter problems', () => {
  it('flags a run id that is not a UUID and a range that ends before it starts', () => {
    expect(filterProblems({ run: 'abc', from: '2025-03-02T00:00:00.000Z', to: '2025-03-01T00:00:00.000Z' })).toEqual({
      run: 'A run id is a UUID, e.g. 0b5f1c7e-…',
      range: '"From" must be before "To"',
    });
  });

  it('accepts well-formed filters', () => {
    expect(filterProblems({ run: '0B5F1C7E-0000-4000-8000-000000000000', from: '2025-03-01T00:00:00.000Z', to: '2025-03-02T00:00:00.000Z' })).toEqual({});
    expect(filterProblems({ from: '2025-03-01T00:00:00.000Z' })).toEqual({});
  });
});
