import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { markerToRange } from './editor-markers';

const doc = Text.of(['Hello {{ name }}', '{% if x %}', 'end']);

describe('markerToRange', () => {
  it('marks the character at a 1-based line and column', () => {
    const range = markerToRange(doc, { line: 2, column: 4, message: 'unexpected' });
    expect(doc.sliceString(range.from, range.to)).toBe('i');
  });

  it('marks the whole line when the column is unknown', () => {
    const range = markerToRange(doc, { line: 3, column: null, message: 'x' });
    expect(doc.sliceString(range.from, range.to)).toBe('end');
  });

  it('clamps positions outside the document to its last line and the end of the line', () => {
    const range = markerToRange(doc, { line: 40, column: 99, message: 'x' });
    expect(range.from).toBe(doc.length);
    expect(range.to).toBe(doc.length);
  });

  it('treats an unknown line as the first', () => {
    expect(markerToRange(doc, { line: null, column: 1, message: 'x' })).toEqual({ from: 0, to: 1 });
  });
});
