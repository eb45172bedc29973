import { TEMPLATE_CATEGORIES as DB_CATEGORIES } from '@promptops/db';
import { TEMPLATE_SORTS as API_SORTS } from '@promptops/domain';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_CATEGORIES, TEMPLATE_SORTS, validateTemplatesSearch } from './templates-search';

describe('templates search', () => {
  it('offers exactly the categories the database knows and the orders the API accepts', () => {
    expect([...TEMPLATE_CATEGORIES]).toEqual([...DB_CATEGORIES]);
    expect([...TEMPLATE_SORTS].sort()).toEqual([...API_SORTS].sort());
  });

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
