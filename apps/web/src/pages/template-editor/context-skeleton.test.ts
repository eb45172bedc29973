import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error';
import { discoverContext, mergeMissing, skeletonFromSchema } from './context-skeleton';

describe('skeletonFromSchema', () => {
  it('builds a placeholder for every property, preferring what the schema itself suggests', () => {
    expect(
      skeletonFromSchema({
        type: 'object',
        properties: {
          name: { type: 'string' },
          age: { type: 'integer' },
          vip: { type: 'boolean' },
          tone: { enum: ['formal', 'casual'] },
          lang: { type: 'string', default: 'en' },
          city: { type: 'string', examples: ['Paris'] },
          tags: { type: 'array', items: { type: 'string' } },
          anything: { type: 'array', items: {} },
          user: { type: 'object', properties: { name: {} } },
          maybe: { type: ['null', 'number'] },
        },
      }),
    ).toEqual({ name: '', age: 0, vip: false, tone: 'formal', lang: 'en', city: 'Paris', tags: [''], anything: [], user: { name: '' }, maybe: 0 });
  });

  it('fills the suggested schema the preview returns: required variables, untyped leaves, iterated lists', () => {
    const suggested = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: {
        user: { type: 'object', additionalProperties: true, properties: { name: {} } },
        items: { type: 'array', items: { type: 'object', properties: { title: {} } } },
        language: {},
      },
      required: ['items', 'user'],
      additionalProperties: true,
    };
    // `language` is optional (`{{ language | default("English") }}`): a placeholder would defeat its default.
    expect(skeletonFromSchema(suggested)).toEqual({ user: { name: '' }, items: [{ title: '' }] });
    expect(skeletonFromSchema(suggested, { everyProperty: true })).toEqual({ user: { name: '' }, items: [{ title: '' }], language: '' });
  });
});

describe('mergeMissing', () => {
  it('adds what is missing at every depth and keeps what is there', () => {
    expect(mergeMissing({ a: 1, b: { c: 'kept' } }, { a: 2, b: { c: '', d: 0 }, e: [] })).toEqual({ a: 1, b: { c: 'kept', d: 0 }, e: [] });
  });
});

const suggested = {
  type: 'object',
  required: ['role', 'user', 'tags'],
  properties: {
    role: {},
    user: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
    tags: { type: 'array', items: { type: 'string' } },
    language: {},
  },
};

const renderError = (details: Record<string, unknown>) => ApiError.fromBody(422, { error: { type: 'render_error', message: 'render failed', details } });

describe('discoverContext', () => {
  it('fills the required variables of a draft that renders, keeping what the context holds', async () => {
    const contexts: unknown[] = [];
    const result = await discoverContext(
      async (context) => {
        contexts.push(context);
        return { suggested_input_schema: suggested };
      },
      { role: 'admin' },
    );
    expect(result).toEqual({ ok: true, context: { role: 'admin', user: { name: '' }, tags: [''] } });
    expect(contexts).toEqual([{ role: 'admin' }]);
  });

  it('fills them from the schema a render error carries, in one request', async () => {
    let calls = 0;
    const result = await discoverContext(async () => {
      calls++;
      throw renderError({ kind: 'undefined', variable: 'role', suggested_input_schema: suggested });
    });
    expect(result).toEqual({ ok: true, context: { role: '', user: { name: '' }, tags: [''] } });
    expect(calls).toBe(1);
  });

  it('hands back the error of a draft that does not parse', async () => {
    const failure = renderError({ kind: 'syntax', line: 1, column: 4, field: 'user_prompt_template' });
    expect(await discoverContext(async () => Promise.reject(failure), { n: 1 })).toEqual({ ok: false, context: { n: 1 }, error: failure });
  });
});
