import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error';
import { discoverContext, mergeMissing, type PreviewProbe, skeletonFromSchema, upgradePlaceholders } from './context-skeleton';

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

describe('mergeMissing / upgradePlaceholders', () => {
  it('adds what is missing at every depth and keeps what is there', () => {
    expect(mergeMissing({ a: 1, b: { c: 'kept' } }, { a: 2, b: { c: '', d: 0 }, e: [] })).toEqual({ a: 1, b: { c: 'kept', d: 0 }, e: [] });
  });

  it('lets a richer shape replace an empty placeholder, and nothing else', () => {
    expect(upgradePlaceholders({ tags: '', name: '', user: { roles: '' } }, { tags: [''], name: 'x', user: { roles: [] }, extra: 1 })).toEqual({ tags: [''], name: '', user: { roles: [] } });
  });
});

const undefinedVariable = (variable: string) =>
  ApiError.fromBody(422, { error: { type: 'render_error', message: `user_prompt_template: '${variable}' is undefined`, details: { kind: 'undefined', variable, line: 1, column: 1, field: 'user_prompt_template' } } });

/**
 * A renderer stand-in with the preview endpoint's contract: it fails on the first variable of
 * `needs` missing from the context and, once all are there, returns the suggested schema.
 */
function probeNeeding(needs: string[][], suggested: Record<string, unknown>): { probe: PreviewProbe; contexts: unknown[] } {
  const contexts: unknown[] = [];
  const probe: PreviewProbe = async (context) => {
    contexts.push(context);
    for (const path of needs) {
      let node: unknown = context;
      for (const key of path) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
      if (node === undefined) throw undefinedVariable(path.join('.'));
    }
    return { suggested_input_schema: suggested };
  };
  return { probe, contexts };
}

describe('discoverContext', () => {
  it('adds each variable the renderer names until the draft renders, then fills from the suggested schema', async () => {
    const suggested = { type: 'object', properties: { role: {}, user: { type: 'object', properties: { name: {} } }, tags: { type: 'array', items: { type: 'string' } } } };
    const { probe, contexts } = probeNeeding([['role'], ['user'], ['user', 'name'], ['tags']], suggested);
    const result = await discoverContext(probe);
    expect(result).toEqual({ ok: true, context: { role: '', user: { name: '' }, tags: [''] } });
    expect(contexts).toEqual([{}, { role: '' }, { role: '', user: '' }, { role: '', user: { name: '' } }, { role: '', user: { name: '' }, tags: '' }]);
  });

  it('keeps optional variables with a default out, but shapes the guarded ones the renderer asked for', async () => {
    // `{% if tags %}{{ tags | join(", ") }}{% endif %} in {{ language | default("English") }}`: both optional, only `tags` needed.
    const suggested = { type: 'object', required: [], properties: { tags: { type: 'array', items: {} }, language: {} } };
    const { probe } = probeNeeding([['tags']], suggested);
    expect(await discoverContext(probe)).toEqual({ ok: true, context: { tags: [] } });
  });

  it('stops at an error that is not an undefined variable, keeping what it found', async () => {
    const failure = ApiError.fromBody(422, { error: { type: 'render_error', message: 'unsupported operand', details: { kind: 'type', line: 1, column: 4, field: 'user_prompt_template' } } });
    const result = await discoverContext(async (context) => {
      if (!('n' in context)) throw undefinedVariable('n');
      throw failure;
    });
    expect(result).toEqual({ ok: false, context: { n: '' }, error: failure });
  });

  it('gives up when a placeholder does not satisfy the renderer instead of looping', async () => {
    let calls = 0;
    const result = await discoverContext(async () => {
      calls++;
      throw undefinedVariable('x');
    });
    expect(result.ok).toBe(false);
    expect(calls).toBe(2);
  });
});
