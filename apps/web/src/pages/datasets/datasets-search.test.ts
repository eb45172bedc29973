import { describe, expect, it } from 'vitest';
import { datasetsQueryFor, validateDatasetsSearch } from './datasets-search';

describe('the datasets list URL', () => {
  it('keeps a search and a page, and drops page 1 and junk', () => {
    expect(validateDatasetsSearch({ q: 'smoke', page: '3', other: 'x' })).toEqual({ q: 'smoke', page: 3 });
    expect(validateDatasetsSearch({ q: '', page: 1 })).toEqual({});
    expect(validateDatasetsSearch({ page: 'two' })).toEqual({});
  });

  it('turns into the API query, without a blank search', () => {
    expect(datasetsQueryFor({ q: ' smoke ', page: 3 })).toEqual({ q: 'smoke', limit: 50, offset: 100 });
    expect(datasetsQueryFor({ q: '   ' })).toEqual({ q: undefined, limit: 50, offset: 0 });
  });
});
