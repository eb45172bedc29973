import { describe, expect, it } from 'vitest';
import { PromptSchemaError, PromptValidationError } from '@promptops/errors';
import { JsonSchemaValidator } from './json-schema-validator';

const validator = new JsonSchemaValidator({ cacheSize: 2 });

const person = {
  type: 'object',
  properties: { name: { type: 'string', minLength: 1 }, email: { type: 'string', format: 'email' }, age: { type: 'integer', minimum: 0 } },
  required: ['name'],
  additionalProperties: false,
};

describe('JsonSchemaValidator', () => {
  it('accepts a valid draft 2020-12 schema and rejects an invalid one with paths', () => {
    expect(() => validator.assertValidSchema(person)).not.toThrow();
    const bad = () => validator.assertValidSchema({ type: 'object', properties: { a: { type: 'strng' } } }, 'output schema');
    expect(bad).toThrow(PromptSchemaError);
    try {
      bad();
    } catch (error) {
      const details = (error as PromptSchemaError).details as { violations: { path: string }[] };
      expect((error as Error).message).toMatch(/^output schema is not a valid JSON Schema/);
      expect(details.violations.some((v) => v.path.includes('/properties/a/type'))).toBe(true);
    }
  });

  it('rejects non-objects and unresolvable references', () => {
    expect(() => validator.assertValidSchema([])).toThrow(/must be a JSON object/);
    expect(() => validator.assertValidSchema({ $ref: '#/$defs/missing' })).toThrow(/cannot be compiled/);
  });

  it('reports every violation with its instance path, formats included', () => {
    const violations = validator.validate(person, { name: '', email: 'nope', age: -1, extra: true });
    expect(violations.map((v) => `${v.path} ${v.keyword}`).sort()).toEqual(['/ additionalProperties', '/age minimum', '/email format', '/name minLength']);
    expect(validator.validate(person, { name: 'Ada', email: 'ada@example.com', age: 36 })).toEqual([]);
  });

  it('throws PromptValidationError with a readable message', () => {
    expect(() => validator.assertValid(person, { age: 'x' }, 'context')).toThrow(PromptValidationError);
    expect(() => validator.assertValid(person, { age: 'x' }, 'context')).toThrow(/context does not match its schema: \/: must have required property 'name'/);
  });

  it('keeps working after cache eviction and with repeated $id', () => {
    for (let i = 0; i < 5; i++) {
      const schema = { $id: 'https://example.com/same', type: 'object', properties: { n: { const: i } } };
      expect(validator.validate(schema, { n: i })).toEqual([]);
      expect(validator.validate(schema, { n: i + 1 })).toHaveLength(1);
    }
  });
});
