import { describe, expect, it } from 'vitest';
import { validateTemplatesSearch } from './templates-search';

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
    expect(validateTemplatesSearch({ q: '', category: 'poetry', active: 'yes', sort: 'size', page: '0' })).toEqual({});
  });

  it('leaves the default order and the first page out of the URL', () => {
    expect(validateTemplatesSearch({ sort: 'name', page: 1 })).toEqual({});
    expect(validateTemplatesSearch({ sort: '-name' })).toEqual({ sort: '-name' });
  });
});
