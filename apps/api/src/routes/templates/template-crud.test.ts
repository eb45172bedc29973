import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/create-test-app';
import { createTemplate, insertExecution, path, rowCounts, templateBody } from './template-test-fixtures';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ LLM_PROVIDERS: JSON.stringify([{ name: 'ollama', base_url: 'http://127.0.0.1:11434/v1' }]) });
});
afterAll(async () => {
  await t.close();
});

const inputSchema = { type: 'object', properties: { user: { type: 'string' } }, required: ['user'] };

describe('creating and reading templates', () => {
  it('creates version 1 with inline schemas and reads it by id, name and name@1', async () => {
    const created = await createTemplate(t, 'Greeter', { input_schema: inputSchema, output_schema: { type: 'object' }, temperature: 0.2 });
    expect(created).toMatchObject({
      name: 'Greeter',
      version_number: 1,
      parent_version: null,
      source_template_id: null,
      is_active: true,
      resolved: true,
      provider: 'auto',
      model: '',
      temperature: 0.2,
      max_tokens: null,
      max_validation_retries: 2,
      usage_count: 0,
      last_used_at: null,
      input_schema: inputSchema,
      output_schema: { type: 'object' },
    });
    for (const ref of [created.id, 'Greeter', 'Greeter@1']) {
      const { status, body } = await t.call('GET', path(ref));
      expect(status).toBe(200);
      expect(body.id).toBe(created.id);
    }
    const schemas = await t.call('GET', path(created.id, '/schemas'));
    expect(schemas.body.items.map((s: { name: string }) => s.name).sort()).toEqual(['Greeter input', 'Greeter output']);
  });

  it('answers 409 for an existing name, pointing to the new-version action', async () => {
    const { status, body } = await t.call('POST', '/v1/templates', templateBody('Greeter'));
    expect(status).toBe(409);
    expect(body.error.type).toBe('conflict');
    expect(body.error.message).toContain('/versions');
  });

  it('accepts configured custom providers and rejects unknown ones with the allowed list', async () => {
    expect((await t.call('POST', '/v1/templates', templateBody('Local', { provider: 'ollama' }))).status).toBe(201);
    const { status, body } = await t.call('POST', '/v1/templates', templateBody('Remote', { provider: 'acme' }));
    expect(status).toBe(400);
    expect(body.error.details.allowed).toEqual(['openai', 'xai', 'auto', 'mock', 'ollama']);
  });

  it('rejects template syntax errors at save time with line and column', async () => {
    const before = await rowCounts(t);
    const { status, body } = await t.call('POST', '/v1/templates', templateBody('Broken', { user_prompt_template: 'Hi\n{% if x %}open' }));
    expect(status).toBe(422);
    expect(body.error.type).toBe('render_error');
    expect(body.error.details.field).toBe('user_prompt_template');
    expect(body.error.details).toHaveProperty('line');
    expect(await rowCounts(t)).toEqual(before);
  });

  it('rejects an invalid inline schema with 422 and writes nothing', async () => {
    const before = await rowCounts(t);
    const { status, body } = await t.call('POST', '/v1/templates', templateBody('Bad schema', { output_schema: { type: 'strng' } }));
    expect(status).toBe(422);
    expect(body.error.type).toBe('schema_error');
    expect(await rowCounts(t)).toEqual(before);
  });

  it('404s with the ref in the message', async () => {
    const { status, body } = await t.call('GET', path('No such template'));
    expect(status).toBe(404);
    expect(body.error.message).toContain('No such template');
    expect((await t.call('GET', path('00000000-0000-4000-8000-000000000000'))).status).toBe(404);
  });
});

describe('listing', () => {
  beforeAll(async () => {
    await createTemplate(t, 'Issue writer', { category: 'auto_issue', description: 'Writes 100% of issues' });
    await createTemplate(t, 'Doc_writer', { category: 'documentation', provider: 'mock' });
    await t.call('POST', path('Issue writer', '/versions'), { system_prompt: 'v2' });
  });

  it('filters by category, provider and exact name, and reports the total', async () => {
    const byCategory = await t.call('GET', '/v1/templates?category=auto_issue');
    expect(byCategory.body.total).toBe(2);
    expect(byCategory.body.items.map((i: { version_number: number }) => i.version_number)).toEqual([2, 1]);
    const byProvider = await t.call('GET', '/v1/templates?provider=mock');
    expect(byProvider.body.items.map((i: { name: string }) => i.name)).toEqual(['Doc_writer']);
    expect((await t.call('GET', '/v1/templates?name=Issue%20writer')).body.total).toBe(2);
  });

  it('searches name and description case-insensitively, treating % and _ literally', async () => {
    expect((await t.call('GET', '/v1/templates?q=ISSUE')).body.total).toBe(2);
    const percent = await t.call('GET', '/v1/templates?q=%25');
    expect(percent.body.items.map((i: { name: string }) => i.name)).toEqual(['Issue writer', 'Issue writer']);
    const underscore = await t.call('GET', '/v1/templates?q=c_w');
    expect(underscore.body.items.map((i: { name: string }) => i.name)).toEqual(['Doc_writer']);
  });

  it('returns only resolved versions with latest_only and pages deterministically', async () => {
    const latest = await t.call('GET', '/v1/templates?latest_only=true&category=auto_issue');
    expect(latest.body.items).toHaveLength(1);
    expect(latest.body.items[0]).toMatchObject({ version_number: 2, resolved: true });
    const all = await t.call('GET', '/v1/templates?limit=200');
    const pages = [];
    for (let offset = 0; offset < all.body.total; offset += 2) {
      const page = await t.call('GET', `/v1/templates?limit=2&offset=${offset}`);
      expect(page.body).toMatchObject({ limit: 2, offset, total: all.body.total });
      pages.push(...page.body.items.map((i: { id: string }) => i.id));
    }
    expect(pages).toEqual(all.body.items.map((i: { id: string }) => i.id));
  });

  it('rejects bad query values and unknown parameters', async () => {
    for (const query of ['limit=0', 'limit=abc', 'category=Not%20a%20slug', 'tag=UPPER', 'is_active=maybe', 'colour=red']) {
      const { status, body } = await t.call('GET', `/v1/templates?${query}`);
      expect(status, query).toBe(400);
      expect(body.error.type).toBe('invalid_request');
    }
  });
});

describe('metadata updates', () => {
  it('changes description, category, tags and activation in place', async () => {
    const created = await createTemplate(t, 'Patchable');
    const { status, body } = await t.call('PATCH', path(created.id), { description: 'new', category: 'other', tags: ['a'], is_active: false });
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: created.id, version_number: 1, description: 'new', category: 'other', tags: ['a'], is_active: false });
  });

  it('refuses content changes with 409 and unknown fields with 400', async () => {
    const created = await createTemplate(t, 'Immutable');
    const content = await t.call('PATCH', path(created.id), { user_prompt_template: 'changed', description: 'x' });
    expect(content.status).toBe(409);
    expect(content.body.error.details.fields).toEqual(['user_prompt_template']);
    expect(content.body.error.message).toContain('new version');
    expect((await t.call('PATCH', path(created.id), { output_schema: { type: 'object' } })).status).toBe(409);
    expect((await t.call('PATCH', path(created.id), { colour: 'red' })).status).toBe(400);
    expect((await t.call('GET', path(created.id))).body).toMatchObject({ user_prompt_template: 'Hello {{ user }}', description: 'Immutable description' });
  });
});

describe('deleting', () => {
  it('hard-deletes a version that never ran, schemas included', async () => {
    const created = await createTemplate(t, 'Disposable', { input_schema: inputSchema });
    const before = await rowCounts(t);
    const { status, body } = await t.call('DELETE', path(created.id));
    expect(status).toBe(200);
    expect(body).toEqual({ name: 'Disposable', deleted: 'hard', versions: [{ id: created.id, version_number: 1, deleted: 'hard' }], resolves_to: null });
    expect(await rowCounts(t)).toEqual({ templates: before.templates - 1, schemas: before.schemas - 1 });
  });

  it('soft-deletes a version with executions and hides it everywhere', async () => {
    const created = await createTemplate(t, 'Used');
    await insertExecution(t, created.id);
    const { body } = await t.call('DELETE', path(created.id));
    expect(body).toEqual({ name: 'Used', deleted: 'soft', versions: [{ id: created.id, version_number: 1, deleted: 'soft' }], resolves_to: null });
    expect((await t.call('GET', path(created.id))).status).toBe(404);
    expect((await t.call('GET', path('Used@1'))).status).toBe(404);
    expect((await t.call('GET', '/v1/templates?name=Used')).body.total).toBe(0);
    await expect(t.services.templates.resolve(created.id)).rejects.toThrow(/not found/);
    expect(await rowCounts(t)).toMatchObject({ templates: expect.any(Number) });
    // The name is free again; numbering continues so `Used@1` keeps pointing at the deleted row.
    const again = await createTemplate(t, 'Used');
    expect(again.version_number).toBe(2);
  });
});

describe('bad input', () => {
  const cases: [string, string, string, unknown][] = [
    ['malformed JSON', 'POST', '/v1/templates', '{"name": "x",'],
    ['wrong type', 'POST', '/v1/templates', templateBody('Typed', { temperature: 'hot' })],
    ['out of range', 'POST', '/v1/templates', templateBody('Hot', { temperature: 2.5 })],
    ['negative max_tokens', 'POST', '/v1/templates', templateBody('Neg', { max_tokens: -1 })],
    ['too many retries', 'POST', '/v1/templates', templateBody('Retry', { max_validation_retries: 11 })],
    ['unknown field', 'POST', '/v1/templates', templateBody('Extra', { colour: 'red' })],
    ['missing user prompt', 'POST', '/v1/templates', { name: 'Missing' }],
    ['category not a slug', 'POST', '/v1/templates', templateBody('Cat', { category: 'Poetry & verse' })],
    ['tag not a slug', 'POST', '/v1/templates', templateBody('Tagged', { tags: ['ok', 'Not OK'] })],
    ['too many tags', 'POST', '/v1/templates', templateBody('Tagged', { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) })],
    ['name with @', 'POST', '/v1/templates', templateBody('a@b')],
    ['array body', 'POST', '/v1/templates', [templateBody('Array')]],
    ['huge string', 'POST', '/v1/templates', templateBody('Huge', { system_prompt: 'x'.repeat(200_000) })],
    ['deeply nested schema', 'POST', '/v1/templates', templateBody('Deep', { input_schema: { a: JSON.parse(`${'['.repeat(3000)}${']'.repeat(3000)}`) } })],
    ['text body', 'POST', '/v1/templates', 'name=x'],
    ['huge rollback version', 'POST', '/v1/templates/Greeter/rollback', { version: 1e12 }],
    ['bad schema uuid', 'GET', '/v1/schemas/not-a-uuid', undefined],
    ['non-object context', 'POST', '/v1/templates/Greeter/render', { context: [1, 2] }],
    ['rollback without version', 'POST', '/v1/templates/Greeter/rollback', {}],
  ];

  it.each(cases)('%s → 4xx error body, nothing written', async (_label, method, url, body) => {
    const before = await rowCounts(t);
    const response = await t.call(method, url, body);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.body.error).toMatchObject({ type: expect.any(String), message: expect.any(String) });
    expect(response.body.error).toHaveProperty('details');
    expect(await rowCounts(t)).toEqual(before);
  });

  it('documents the template routes in /openapi.json', async () => {
    const { status, body } = await t.call('GET', '/openapi.json');
    expect(status).toBe(200);
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/v1/templates', '/v1/templates/{id}/diff', '/v1/schemas/{id}']));
    expect(Object.keys(body.components.schemas)).toEqual(expect.arrayContaining(['Template', 'CreateTemplate', 'TemplateDiff']));
  });
});
