import { describe, expect, it } from 'vitest';
import { compact, optionalDateTime, optionalOneOf, optionalPositiveInt, optionalString, pageParam } from './search-params';

describe('search parameter readers', () => {
  it('keep well-formed values and drop the rest', () => {
    const raw = { q: 'greet', empty: '', long: 'x'.repeat(300), n: 42, sort: '-name', bad: 'drop table' };
    expect(optionalString(raw, 'q')).toBe('greet');
    expect(optionalString(raw, 'n')).toBe('42');
    expect(optionalString(raw, 'empty')).toBeUndefined();
    expect(optionalString(raw, 'long')).toBeUndefined();
    expect(optionalOneOf(raw, 'sort', ['name', '-name'] as const)).toBe('-name');
    expect(optionalOneOf(raw, 'bad', ['name'] as const)).toBeUndefined();
  });

  it('read positive integers from numbers or digit strings only', () => {
    expect(optionalPositiveInt({ v: 3 }, 'v')).toBe(3);
    expect(optionalPositiveInt({ v: '12' }, 'v')).toBe(12);
    for (const bad of [0, -1, 1.5, '1e3', ' 2', 'x', null]) expect(optionalPositiveInt({ v: bad }, 'v')).toBeUndefined();
  });

  it('leave page 1 out of the URL', () => {
    expect(pageParam({ page: 1 })).toBeUndefined();
    expect(pageParam({ page: '4' })).toBe(4);
  });

  it('accept only parseable date-times', () => {
    expect(optionalDateTime({ from: '2026-01-02T03:04:05.000Z' }, 'from')).toBe('2026-01-02T03:04:05.000Z');
    expect(optionalDateTime({ from: 'yesterday' }, 'from')).toBeUndefined();
  });

  it('compact drops undefined values only', () => {
    expect(compact({ a: undefined, b: 0, c: '' })).toEqual({ b: 0, c: '' });
  });
});
