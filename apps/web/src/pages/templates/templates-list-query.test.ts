import { describe, expect, it } from 'vitest';
import { hasFilters, lastPage, listQueryFor, PAGE_SIZE, sortingFor, sortParamFor, withoutFilters } from './templates-list-query';

describe('listQueryFor', () => {
  it('asks for one row per name with stats, the first page in name order by default', () => {
    expect(listQueryFor({})).toEqual({
      per_name: 'true',
      include_stats: 'true',
      sort: 'name',
      q: undefined,
      category: undefined,
      tag: undefined,
      is_active: undefined,
      provider: undefined,
      limit: PAGE_SIZE,
      offset: 0,
    });
  });

  it('maps every URL filter to its API parameter and the page to an offset', () => {
    expect(
      listQueryFor({ q: ' greet ', category: 'chat', tag: ['billing', 'vip'], active: 'false', provider: 'mock', sort: '-last_used_at', page: 3 }),
    ).toMatchObject({
      q: 'greet',
      category: 'chat',
      tag: ['billing', 'vip'],
      is_active: 'false',
      provider: 'mock',
      sort: '-last_used_at',
      limit: 50,
      offset: 100,
    });
  });

  it('sends no search for a blank one', () => {
    expect(listQueryFor({ q: '   ' }).q).toBeUndefined();
  });
});

describe('sorting', () => {
  it('reads the URL order as table sorting state', () => {
    expect(sortingFor(undefined)).toEqual([{ id: 'name', desc: false }]);
    expect(sortingFor('-usage_count')).toEqual([{ id: 'usage_count', desc: true }]);
    expect(sortingFor('updated_at')).toEqual([{ id: 'updated_at', desc: false }]);
  });

  it('writes table sorting back as the URL order, omitting the default', () => {
    expect(sortParamFor([{ id: 'last_used_at', desc: true }])).toBe('-last_used_at');
    expect(sortParamFor([{ id: 'name', desc: true }])).toBe('-name');
    expect(sortParamFor([{ id: 'name', desc: false }])).toBeUndefined();
    expect(sortParamFor([])).toBeUndefined();
    expect(sortParamFor([{ id: 'category', desc: false }])).toBeUndefined();
  });

  it('round-trips every sortable order', () => {
    for (const sort of ['-name', 'updated_at', '-updated_at', 'usage_count', '-usage_count', 'last_used_at', '-last_used_at'] as const) {
      expect(sortParamFor(sortingFor(sort))).toBe(sort);
    }
  });
});

describe('filters', () => {
  it('tells a filtered list from the whole one', () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ sort: '-usage_count', page: 2 })).toBe(false);
    expect(hasFilters({ q: '  ' })).toBe(false);
    expect(hasFilters({ q: 'x' })).toBe(true);
    expect(hasFilters({ category: 'chat' })).toBe(true);
    expect(hasFilters({ tag: ['billing'] })).toBe(true);
    expect(hasFilters({ tag: [] })).toBe(false);
    expect(hasFilters({ active: 'false' })).toBe(true);
    expect(hasFilters({ provider: 'mock' })).toBe(true);
  });

  it('clears filters and page but keeps the order', () => {
    expect(withoutFilters({ q: 'x', category: 'chat', tag: ['a'], active: 'true', provider: 'mock', page: 4, sort: '-usage_count' })).toEqual({
      sort: '-usage_count',
    });
    expect(withoutFilters({ q: 'x', page: 2 })).toEqual({});
  });
});

describe('lastPage', () => {
  it('is the page holding the last row, and 1 for an empty list', () => {
    expect(lastPage(0)).toBe(1);
    expect(lastPage(50)).toBe(1);
    expect(lastPage(51)).toBe(2);
    expect(lastPage(7, 3)).toBe(3);
  });
});
