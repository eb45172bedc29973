import { describe, expect, it } from 'vitest';
import { toggleTagFilter, validateTemplatesSearch } from './templates-search';

describe('templates search', () => {
  it('keeps valid state and drops unknown values', () => {
    expect(validateTemplatesSearch({ q: 'greet', category: 'chat', active: 'false', provider: 'mock', sort: '-usage_count', page: '2' })).toEqual({
      q: 'greet',
      category: 'chat',
      active: 'false',
      provider: 'mock',
      sort: '-usage_count',
      page: 2,
    });
    expect(validateTemplatesSearch({ q: '', category: 'Not a slug', active: 'yes', sort: 'size', page: '0', tag: 42 })).toEqual({});
  });

  it('takes any category slug, not only the suggested ones', () => {
    expect(validateTemplatesSearch({ category: 'code-review' })).toEqual({ category: 'code-review' });
  });

  it('reads one tag or a list of them, keeping slugs once each', () => {
    expect(validateTemplatesSearch({ tag: 'billing' })).toEqual({ tag: ['billing'] });
    expect(validateTemplatesSearch({ tag: ['billing', 'vip', 'billing', 'Bad Tag', 7] })).toEqual({ tag: ['billing', 'vip'] });
    expect(validateTemplatesSearch({ tag: [] })).toEqual({});
  });

  it('leaves the default order and the first page out of the URL', () => {
    expect(validateTemplatesSearch({ sort: 'name', page: 1 })).toEqual({});
    expect(validateTemplatesSearch({ sort: '-name' })).toEqual({ sort: '-name' });
  });
});

describe('toggleTagFilter', () => {
  it('adds a tag that is not filtered on and removes one that is, leaving no empty list', () => {
    expect(toggleTagFilter(undefined, 'a')).toEqual(['a']);
    expect(toggleTagFilter(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggleTagFilter(['a', 'b'], 'a')).toEqual(['b']);
    expect(toggleTagFilter(['a'], 'a')).toBeUndefined();
  });
});
