import { describe, expect, it } from 'vitest';
import { entriesQueryFor, parseTagParam, tagParam, toggleTag, validateDatasetSearch } from './dataset-search';

describe('the dataset page URL', () => {
  it('keeps the tab, tag filter and pages, leaving defaults out', () => {
    expect(validateDatasetSearch({ tab: 'runs', tags: 'smoke, edge,,smoke', match: 'all', order: 'newest', page: '2', runs_page: '3' })).toEqual({
      tab: 'runs',
      tags: 'smoke,edge',
      match: 'all',
      order: 'newest',
      page: 2,
      runs_page: 3,
    });
    expect(validateDatasetSearch({ tab: 'entries', tags: ' , ', match: 'any', order: 'oldest', page: 1, runs_page: 1 })).toEqual({});
    expect(validateDatasetSearch({ tab: 'nope', page: 'x' })).toEqual({});
  });

  it('reads and writes the tag list', () => {
    expect(parseTagParam(undefined)).toEqual([]);
    expect(parseTagParam('a,b')).toEqual(['a', 'b']);
    expect(tagParam([])).toBeUndefined();
    expect(tagParam(['a', 'b'])).toBe('a,b');
  });

  it('toggles one tag in or out of the filter', () => {
    expect(toggleTag(undefined, 'smoke')).toBe('smoke');
    expect(toggleTag('smoke', 'edge')).toBe('smoke,edge');
    expect(toggleTag('smoke,edge', 'smoke')).toBe('edge');
    expect(toggleTag('smoke', 'smoke')).toBeUndefined();
  });
});

describe('the entries query', () => {
  it('asks for one page, filtered by the URL tags', () => {
    expect(entriesQueryFor({})).toEqual({ tags: undefined, match: undefined, order: undefined, limit: 50, offset: 0 });
    expect(entriesQueryFor({ tags: 'smoke,edge', match: 'all', order: 'newest', page: 2001 })).toEqual({
      tags: 'smoke,edge',
      match: 'all',
      order: 'newest',
      limit: 50,
      offset: 100_000,
    });
  });

  it('asks for all-of matching only when two tags or more make it differ', () => {
    expect(entriesQueryFor({ tags: 'smoke', match: 'all' }).match).toBeUndefined();
  });
});
