import { describe, expect, it } from 'vitest';
import { resultsQueryFor, validateRunSearch } from './run-search';

describe('the run page URL', () => {
  it('keeps a passed filter and a page', () => {
    expect(validateRunSearch({ passed: 'false', page: '4' })).toEqual({ passed: 'false', page: 4 });
    expect(validateRunSearch({ passed: 'maybe', page: 1 })).toEqual({});
  });

  it('turns into the results query', () => {
    expect(resultsQueryFor({ passed: 'true', page: 2 })).toEqual({ passed: 'true', limit: 25, offset: 25 });
    expect(resultsQueryFor({})).toEqual({ passed: undefined, limit: 25, offset: 0 });
  });
});
