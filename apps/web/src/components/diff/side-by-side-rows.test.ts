import { describe, expect, it } from 'vitest';
import { buildSideBySideRows, stableJson } from './side-by-side-rows';

describe('buildSideBySideRows', () => {
  it('faces unchanged lines and pairs a replaced block with its replacement', () => {
    const rows = buildSideBySideRows('a\nb\nc\n', 'a\nB\nc\n');
    expect(rows).toEqual([
      { left: { number: 1, text: 'a', kind: 'same' }, right: { number: 1, text: 'a', kind: 'same' } },
      { left: { number: 2, text: 'b', kind: 'removed' }, right: { number: 2, text: 'B', kind: 'added' } },
      { left: { number: 3, text: 'c', kind: 'same' }, right: { number: 3, text: 'c', kind: 'same' } },
    ]);
  });

  it('pads the shorter side of an uneven change and keeps line numbers per side', () => {
    const rows = buildSideBySideRows('one\ntwo', 'one\n2a\n2b\n2c');
    expect(rows.map((row) => [row.left?.number ?? null, row.right?.number ?? null])).toEqual([
      [1, 1],
      [2, 2],
      [null, 3],
      [null, 4],
    ]);
    expect(rows[2]?.right?.kind).toBe('added');
  });

  it('shows pure insertions and deletions on one side only', () => {
    expect(buildSideBySideRows('', 'new')).toEqual([{ left: null, right: { number: 1, text: 'new', kind: 'added' } }]);
    expect(buildSideBySideRows('old', '')).toEqual([{ left: { number: 1, text: 'old', kind: 'removed' }, right: null }]);
  });
});

describe('stableJson', () => {
  it('ignores key order at every depth', () => {
    expect(stableJson({ b: 1, a: { d: 2, c: [{ y: 1, x: 2 }] } })).toBe(stableJson({ a: { c: [{ x: 2, y: 1 }], d: 2 }, b: 1 }));
  });

  it('renders a missing schema as empty text', () => {
    expect(stableJson(null)).toBe('');
  });
});
