import { describe, expect, it } from 'vitest';
import {
  contextFields,
  formatFieldValue,
  keysOutsideForm,
  parseContextText,
  parseFieldText,
  pointerToPath,
  readPath,
  splitList,
  writePath,
} from './context-form';

const schema = {
  type: 'object',
  required: ['name', 'tone'],
  properties: {
    name: { type: 'string', title: 'Customer name', description: 'As on the ticket' },
    age: { type: ['integer', 'null'] },
    score: { type: 'number' },
    vip: { type: 'boolean' },
    tone: { enum: ['formal', 'casual'] },
    tags: { type: 'array', items: { type: 'string' } },
    orders: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } } } },
    address: { type: 'object', required: ['city'], properties: { city: { type: 'string' }, geo: { type: 'object', properties: { lat: { type: 'number' } } } } },
    meta: { type: 'object', additionalProperties: true },
    either: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    note: {},
  },
};

describe('contextFields', () => {
  it('turns each property into the input its schema calls for, and anything else into JSON', () => {
    const fields = contextFields(schema, { note: 'hi' });
    expect(fields.map((field) => [field.path.join('.'), field.kind, field.required])).toEqual([
      ['name', 'string', true],
      ['age', 'integer', false],
      ['score', 'number', false],
      ['vip', 'boolean', false],
      ['tone', 'enum', true],
      ['tags', 'string-list', false],
      ['orders', 'json', false],
      ['address', 'object', false],
      ['meta', 'json', false],
      ['either', 'json', false],
      ['note', 'string', false],
    ]);
    expect(fields[0]).toMatchObject({ label: 'Customer name', description: 'As on the ticket' });
    expect(fields[4]).toMatchObject({ options: ['formal', 'casual'] });
  });

  it('nests object properties as groups with full paths and their own required list', () => {
    const address = contextFields(schema).find((field) => field.path[0] === 'address');
    expect(address?.kind).toBe('object');
    if (address?.kind !== 'object') return;
    expect(address.fields.map((field) => [field.path, field.kind, field.required])).toEqual([
      [['address', 'city'], 'string', true],
      [['address', 'geo'], 'object', false],
    ]);
  });

  it('edits an untyped property holding a non-string value as JSON, so nothing is coerced', () => {
    expect(contextFields({ properties: { note: {} } }, { note: 42 })[0]?.kind).toBe('json');
  });

  it('treats a list of untyped items (a suggested schema for a loop) as text unless it holds other values', () => {
    const suggested = { properties: { tags: { type: 'array', items: {} }, rows: { type: 'array', items: { type: 'object', properties: { id: {} } } } } };
    expect(contextFields(suggested, { tags: ['a'] }).map((field) => field.kind)).toEqual(['string-list', 'json']);
    expect(contextFields(suggested, { tags: [1, 2] })[0]?.kind).toBe('json');
  });

  it('has no fields without properties, and names the context keys it does not show', () => {
    expect(contextFields({ type: 'object' })).toEqual([]);
    expect(contextFields(null)).toEqual([]);
    expect(keysOutsideForm(contextFields(schema), { name: 'Ada', extra: 1, other: [] })).toEqual(['extra', 'other']);
  });
});

describe('readPath / writePath', () => {
  it('writes a nested value without touching the original, creating objects on the way', () => {
    const context = { user: 'x', keep: 1 };
    const next = writePath(context, ['user', 'name'], 'Ada');
    expect(next).toEqual({ user: { name: 'Ada' }, keep: 1 });
    expect(context).toEqual({ user: 'x', keep: 1 });
    expect(readPath(next, ['user', 'name'])).toBe('Ada');
    expect(readPath(next, ['keep', 'deeper'])).toBeUndefined();
  });

  it('removes a key when the value is undefined', () => {
    expect(writePath({ a: { b: 1, c: 2 } }, ['a', 'b'], undefined)).toEqual({ a: { c: 2 } });
  });
});

describe('field text', () => {
  it('splits a list on commas, or on line breaks when there are any', () => {
    expect(splitList('a, b ,, c')).toEqual(['a', 'b', 'c']);
    expect(splitList('Paris, France\nRome\n')).toEqual(['Paris, France', 'Rome']);
  });

  it('parses numbers strictly and empties to "remove the key"', () => {
    expect(parseFieldText('number', ' 2.5 ')).toEqual({ ok: true, value: 2.5 });
    expect(parseFieldText('integer', '2.5')).toEqual({ ok: false, message: 'Must be a whole number' });
    expect(parseFieldText('number', 'abc')).toEqual({ ok: false, message: 'Not a number' });
    expect(parseFieldText('number', '')).toEqual({ ok: true, value: undefined });
    expect(parseFieldText('json', '[1, {"a": 2}]')).toEqual({ ok: true, value: [1, { a: 2 }] });
    expect(parseFieldText('json', '[1,')).toEqual({ ok: false, message: 'Not valid JSON' });
  });

  it('empties an optional field to "not given", and a required text to empty text', () => {
    expect(parseFieldText('string', '')).toEqual({ ok: true, value: undefined });
    expect(parseFieldText('string-list', ' ')).toEqual({ ok: true, value: undefined });
    expect(parseFieldText('string', '', true)).toEqual({ ok: true, value: '' });
    expect(parseFieldText('string-list', '', true)).toEqual({ ok: true, value: [] });
    expect(parseFieldText('number', '', true)).toEqual({ ok: true, value: undefined });
    expect(parseFieldText('string', '  ', true)).toEqual({ ok: true, value: '  ' });
  });

  it('formats values back into the text each input shows', () => {
    expect(formatFieldValue('string-list', ['a', 'b'])).toBe('a\nb');
    expect(formatFieldValue('number', 3)).toBe('3');
    expect(formatFieldValue('number', 'x')).toBe('');
    expect(formatFieldValue('json', { a: 1 })).toBe('{\n  "a": 1\n}');
    expect(formatFieldValue('string', undefined)).toBe('');
    // Round trip: what a field shows reads back to the same value.
    const tags = ['x', 'y, z'];
    expect(parseFieldText('string-list', formatFieldValue('string-list', tags))).toEqual({ ok: true, value: tags });
  });
});

describe('parseContextText', () => {
  it('accepts an object, treats empty text as {}, and explains anything else', () => {
    expect(parseContextText('{"a": 1}')).toEqual({ ok: true, context: { a: 1 } });
    expect(parseContextText('')).toEqual({ ok: true, context: {} });
    expect(parseContextText('[1]')).toEqual({ ok: false, message: 'The context must be a JSON object' });
    const broken = parseContextText('{"a": ');
    expect(broken.ok ? '' : broken.message).toMatch(/^The context is not valid JSON/);
  });

  it('reads schema violation pointers as field paths', () => {
    expect(pointerToPath('/user/name')).toEqual(['user', 'name']);
    expect(pointerToPath('/a~1b/c~0d')).toEqual(['a/b', 'c~d']);
    expect(pointerToPath('/')).toEqual([]);
  });
});
