import { describe, expect, it } from 'vitest';
import { addTags, draftFromEntry, jsonPreview, parseEntryDraft } from './entry-form';

describe('entry drafts', () => {
  it('show an entry as pretty JSON, with no expected output as an empty box', () => {
    expect(draftFromEntry({ input_data: { q: 'hi' }, expected_output: 'hello', tags: ['a'] })).toEqual({
      input: '{\n  "q": "hi"\n}',
      expected: '"hello"',
      tags: ['a'],
    });
    expect(draftFromEntry({ input_data: {}, expected_output: null, tags: [] }).expected).toBe('');
  });

  it('parse back into the request body', () => {
    expect(parseEntryDraft({ input: '{"q": "hi"}', expected: '{"a": 1}', tags: ['x'] })).toEqual({
      body: { input_data: { q: 'hi' }, expected_output: { a: 1 }, tags: ['x'] },
      errors: null,
    });
    expect(parseEntryDraft({ input: '{}', expected: '  ', tags: [] }).body).toEqual({ input_data: {}, expected_output: null, tags: [] });
    expect(parseEntryDraft({ input: '{}', expected: '42', tags: [] }).body?.expected_output).toBe(42);
  });

  it('say what is wrong with each part', () => {
    expect(parseEntryDraft({ input: '[1]', expected: '', tags: [] }).errors).toEqual({ input: 'Must be a JSON object, e.g. {"question": "…"}' });
    const both = parseEntryDraft({ input: '{', expected: 'Paris', tags: [] }).errors;
    expect(both?.input).toMatch(/^Not valid JSON/);
    expect(both?.expected).toMatch(/A text answer is written in quotes: "Paris"$/);
  });

  it('add typed tags without blanks, repeats or overlong ones', () => {
    expect(addTags(['smoke'], ' edge, smoke,, new ')).toEqual(['smoke', 'edge', 'new']);
    expect(addTags([], 'x'.repeat(150))).toEqual(['x'.repeat(100)]);
    expect(
      addTags(
        Array.from({ length: 50 }, (_, i) => `t${i}`),
        'one-more',
      ),
    ).toHaveLength(50);
  });

  it('preview values on one line', () => {
    expect(jsonPreview({ a: [1, 2] })).toBe('{"a":[1,2]}');
    expect(jsonPreview('plain text')).toBe('plain text');
    expect(jsonPreview(null)).toBe('');
  });
});
