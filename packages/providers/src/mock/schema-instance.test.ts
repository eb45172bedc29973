import { describe, expect, it } from 'vitest';
import { generateInstance } from './schema-instance';
import { violationsOf } from './schema-validator';

const schemas: Record<string, object> = {
  'flat object': {
    type: 'object',
    properties: { name: { type: 'string' }, email: { type: 'string', format: 'email' }, age: { type: 'integer', minimum: 18, maximum: 99 } },
    required: ['name', 'email', 'age'],
    additionalProperties: false,
  },
  'string constraints': {
    type: 'object',
    properties: {
      short: { type: 'string', maxLength: 3 },
      long: { type: 'string', minLength: 40 },
      code: { type: 'string', pattern: '^[A-Z]{3}-\\d{4}$' },
      slug: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 20 },
      hex: { type: 'string', pattern: '^#[0-9a-fA-F]{6}$' },
    },
    required: ['short', 'long', 'code', 'slug', 'hex'],
  },
  formats: {
    type: 'object',
    properties: Object.fromEntries(
      ['email', 'uri', 'date-time', 'date', 'time', 'uuid', 'ipv4', 'ipv6', 'hostname', 'duration', 'uri-reference', 'json-pointer'].map((f) => [
        f,
        { type: 'string', format: f },
      ]),
    ),
    required: ['email', 'uri', 'date-time', 'date', 'uuid'],
  },
  numbers: {
    type: 'object',
    properties: {
      exclusive: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
      stepped: { type: 'number', minimum: 0.1, maximum: 10, multipleOf: 0.25 },
      negative: { type: 'integer', maximum: -5 },
      tight: { type: 'integer', exclusiveMinimum: 4, exclusiveMaximum: 6 },
      confidence: { type: 'number' },
    },
    required: ['exclusive', 'stepped', 'negative', 'tight', 'confidence'],
  },
  'arrays with bounds and uniqueness': {
    type: 'array',
    minItems: 3,
    maxItems: 5,
    uniqueItems: true,
    items: { type: 'string', enum: ['a', 'b', 'c', 'd'] },
  },
  'prefixItems and contains': {
    type: 'array',
    prefixItems: [{ type: 'integer' }, { type: 'string' }],
    items: { type: 'boolean' },
    contains: { const: true },
    minItems: 3,
  },
  'enum, const and nullable': {
    type: 'object',
    properties: { label: { enum: ['positive', 'neutral', 'negative'] }, version: { const: 2 }, note: { type: ['string', 'null'] } },
    required: ['label', 'version', 'note'],
  },
  'oneOf discriminated union': {
    type: 'object',
    properties: {
      shape: {
        oneOf: [
          {
            type: 'object',
            properties: { kind: { const: 'circle' }, radius: { type: 'number', minimum: 0 } },
            required: ['kind', 'radius'],
            additionalProperties: false,
          },
          {
            type: 'object',
            properties: { kind: { const: 'square' }, side: { type: 'number', minimum: 0 } },
            required: ['kind', 'side'],
            additionalProperties: false,
          },
        ],
      },
    },
    required: ['shape'],
  },
  'anyOf of primitives': {
    anyOf: [
      { type: 'integer', minimum: 10 },
      { type: 'string', minLength: 5 },
    ],
  },
  'allOf merge': {
    allOf: [
      { type: 'object', properties: { id: { type: 'string', format: 'uuid' } }, required: ['id'] },
      { properties: { tags: { type: 'array', items: { type: 'string' }, minItems: 2 } }, required: ['tags'] },
      { properties: { id: { minLength: 10 } } },
    ],
  },
  '$ref to $defs, recursive tree': {
    $defs: {
      node: {
        type: 'object',
        properties: { label: { type: 'string' }, children: { type: 'array', items: { $ref: '#/$defs/node' } } },
        required: ['label'],
      },
    },
    $ref: '#/$defs/node',
  },
  'minProperties with patternProperties': {
    type: 'object',
    patternProperties: { '^x-[a-z]+$': { type: 'integer' } },
    additionalProperties: false,
    minProperties: 2,
  },
  'typical LLM extraction schema': {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://example.com/extraction',
    type: 'object',
    properties: {
      summary: { type: 'string', minLength: 10, maxLength: 200 },
      sentiment: { type: 'string', enum: ['positive', 'neutral', 'negative'] },
      confidence: { type: 'number', minimum: 0, maximum: 1 },
      entities: {
        type: 'array',
        items: { type: 'object', properties: { name: { type: 'string' }, type: { enum: ['person', 'org'] } }, required: ['name', 'type'] },
      },
      created_at: { type: 'string', format: 'date-time' },
    },
    required: ['summary', 'sentiment', 'confidence', 'entities'],
    additionalProperties: false,
  },
  'boolean subschemas and empty schema': { type: 'object', properties: { anything: {}, yes: true }, required: ['anything', 'yes'] },
};

describe('generateInstance', () => {
  it.each(Object.entries(schemas))('produces a valid instance for %s', (_name, schema) => {
    for (let seed = 0; seed < 25; seed++) {
      const result = generateInstance(schema, seed * 7919);
      expect(result.errors).toEqual([]);
      expect(violationsOf(schema, result.value)).toEqual([]);
    }
  });

  it('verifies with a validator that really enforces formats', () => {
    expect(violationsOf({ type: 'string', format: 'email' }, 'not-an-email')).not.toEqual([]);
    expect(violationsOf({ type: 'string', format: 'date-time' }, '2024-13-01')).not.toEqual([]);
  });

  it('is deterministic for a seed and varies across seeds', () => {
    const schema = schemas['typical LLM extraction schema'] as object;
    expect(generateInstance(schema, 42)).toEqual(generateInstance(schema, 42));
    const distinct = new Set(Array.from({ length: 10 }, (_, i) => JSON.stringify(generateInstance(schema, i).value)));
    expect(distinct.size).toBeGreaterThan(1);
  });

  it('reports unsatisfiable schemas instead of returning bad data silently, and throws on uncompilable ones', () => {
    const result = generateInstance({ type: 'string', minLength: 5, maxLength: 2 }, 1);
    expect(result.valid).toBe(false);
    expect(result.errors.join(' ')).toMatch(/must NOT have (more|fewer) than/);
    expect(() => generateInstance({ $ref: '#/$defs/missing' }, 1)).toThrow(/cannot be compiled/);
    expect(() => generateInstance({ type: 'nonsense' }, 1)).toThrow(/not a valid JSON Schema/);
  });
});
