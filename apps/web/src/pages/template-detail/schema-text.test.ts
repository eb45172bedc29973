import { describe, expect, it } from 'vitest';
import { isSchemaEdited, parseSchemaText, STARTER_SCHEMA_TEXT, sameSchema, schemaText } from './schema-text';

describe('parseSchemaText', () => {
  it('accepts a JSON object', () => {
    expect(parseSchemaText('{"type": "object"}')).toEqual({ ok: true, value: { type: 'object' } });
  });

  it('refuses empty text, broken JSON and JSON that is not an object', () => {
    expect(parseSchemaText('  ')).toMatchObject({ ok: false, message: expect.stringContaining('Enter a JSON Schema') });
    expect(parseSchemaText('{"type": ')).toMatchObject({ ok: false, message: expect.stringContaining('Not valid JSON') });
    expect(parseSchemaText('[1, 2]')).toEqual({ ok: false, message: 'A JSON Schema must be a JSON object.' });
    expect(parseSchemaText('null')).toEqual({ ok: false, message: 'A JSON Schema must be a JSON object.' });
  });
});

describe('schema editing state', () => {
  const saved = { type: 'object', required: ['a'] };

  it('starts from the saved schema, pretty-printed, or from nothing', () => {
    expect(schemaText(saved)).toBe('{\n  "type": "object",\n  "required": [\n    "a"\n  ]\n}');
    expect(schemaText(null)).toBe('');
  });

  it('does not count reformatting or key order as an edit', () => {
    expect(isSchemaEdited(schemaText(saved), saved)).toBe(false);
    expect(isSchemaEdited('{"required":["a"],"type":"object"}', saved)).toBe(false);
    expect(isSchemaEdited('', null)).toBe(false);
  });

  it('counts changed content and half-typed text as an edit', () => {
    expect(isSchemaEdited('{"type": "array"}', saved)).toBe(true);
    expect(isSchemaEdited('{"type":', saved)).toBe(true);
    expect(isSchemaEdited('{}', null)).toBe(true);
  });

  it('offers a starter that parses and counts as a new schema', () => {
    expect(parseSchemaText(STARTER_SCHEMA_TEXT)).toEqual({ ok: true, value: { type: 'object', properties: {} } });
    expect(isSchemaEdited(STARTER_SCHEMA_TEXT, null)).toBe(true);
  });

  it('compares schemas regardless of key order', () => {
    expect(sameSchema({ a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 })).toBe(true);
    expect(sameSchema({ a: 1 }, null)).toBe(false);
    expect(sameSchema(null, undefined)).toBe(true);
  });
});
