import { describe, expect, it } from 'vitest';
import { validateTemplateSearch } from './template-search';

describe('validateTemplateSearch', () => {
  it('keeps well-formed parameters and drops defaults and junk', () => {
    expect(validateTemplateSearch({ version: '3', tab: 'diff', base: 1, target: '3', scope: 'version', page: '2' })).toEqual({
      version: 3,
      tab: 'diff',
      base: 1,
      target: 3,
      scope: 'version',
      page: 2,
    });
    expect(validateTemplateSearch({ version: '0', tab: 'nope', scope: 'all', page: '1', base: '-1' })).toEqual({});
  });
});
