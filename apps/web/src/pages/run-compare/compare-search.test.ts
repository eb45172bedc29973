import { describe, expect, it } from 'vitest';
import { validateCompareSearch } from './compare-search';

const A = '0b5f1c7e-3d2a-4b8e-9f10-6a7d2c4e8b11';
const B = '1c6f2d8f-4e3b-4c9f-8a21-7b8e3d5f9c22';

describe('the comparison URL', () => {
  it('keeps two run ids, a change filter and a page', () => {
    expect(validateCompareSearch({ base: A, candidate: B, change: 'regressed', page: '2' })).toEqual({ base: A, candidate: B, change: 'regressed', page: 2 });
  });

  it('drops malformed ids and unknown changes', () => {
    expect(validateCompareSearch({ base: 'run-1', candidate: B, change: 'worse' })).toEqual({ candidate: B });
  });
});
