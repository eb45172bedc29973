import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/create-test-app';
import { createTemplate, path, rowCounts } from './template-test-fixtures';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const personSchema = {
  type: 'object',
  properties: { user: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] }, items: { type: 'array' } },
  required: ['user'],
};

describe('variables and render preview', () => {
  beforeAll(async () => {
    await createTemplate(t, 'Preview', {
      system_prompt: 'You help {{ user.name }}.',
      user_prompt_template: '{% for item in items %}- {{ item }}\n{% endfor %}Tone: {{ tone | default("neutral") }}',
    });
    await createTemplate(t, 'Checked', { user_prompt_template: 'Hi {{ user.name }}', input_schema: personSchema });
  });

  it('lists the variables of both prompts with a suggested input schema', async () => {
    const { status, body } = await t.call('GET', path('Preview', '/variables'));
    expect(status).toBe(200);
    const paths = body.variables.map((v: { path: string }) => v.path);
    expect(paths).toEqual(expect.arrayContaining(['user.name', 'items']));
    expect(body.variables.find((v: { path: string }) => v.path.startsWith('tone'))?.optional).toBe(true);
    expect(body.suggested_input_schema).toMatchObject({ type: 'object' });
  });

  it("answers each version's own variables, the same for every ref to it, as JSON", async () => {
    await createTemplate(t, 'Tagged', { user_prompt_template: 'Hi {{ user.name }}' });
    const first = await t.call('GET', path('Tagged', '/variables'));
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await t.call('GET', path('Tagged@1', '/variables'))).body).toEqual(first.body);
    // A new version is another answer once the name resolves to it; version 1's stays its own.
    await t.call('POST', path('Tagged', '/versions'), { user_prompt_template: '{{ other }}' });
    const second = await t.call('GET', path('Tagged', '/variables'));
    expect(second.body.variables.map((v: { path: string }) => v.path)).toContain('other');
    expect((await t.call('GET', path('Tagged@1', '/variables'))).body).toEqual(first.body);
  });

  it('answers 404 for the variables of a ref that addresses nothing', async () => {
    expect((await t.call('GET', path('Nothing', '/variables'))).status).toBe(404);
    expect((await t.call('GET', path('Preview@99', '/variables'))).status).toBe(404);
  });

  it('renders both prompts', async () => {
    const { status, body } = await t.call('POST', path('Preview', '/render'), { context: { user: { name: 'Ada' }, items: ['a', 'b'] } });
    expect(status).toBe(200);
    expect(body).toEqual({ system_prompt: 'You help Ada.', user_prompt: '- a\n- b\nTone: neutral' });
  });

  it('answers 422 naming a missing variable', async () => {
    const { status, body } = await t.call('POST', path('Preview', '/render'), { context: { items: [] } });
    expect(status).toBe(422);
    expect(body.error.type).toBe('render_error');
    expect(body.error.message).toContain('user');
  });

  it('checks the context against the input schema first, reporting Ajv paths', async () => {
    const { status, body } = await t.call('POST', path('Checked', '/render'), { context: { user: { name: 7 } } });
    expect(status).toBe(422);
    expect(body.error.type).toBe('validation_error');
    expect(body.error.details.violations.map((v: { path: string }) => v.path)).toContain('/user/name');
  });
});

describe('schema routes', () => {
  it('creates a new version for every schema change and leaves the old one untouched', async () => {
    const v1 = await createTemplate(t, 'Schemed');
    const added = await t.call('POST', path(v1.id, '/schemas'), { schema_type: 'input', schema_json: personSchema, name: 'Person' });
    expect(added.status).toBe(201);
    expect(added.body.template).toMatchObject({ version_number: 2, parent_version: 1, input_schema: personSchema });
    expect(added.body.schema).toMatchObject({ name: 'Person', schema_type: 'input', template_id: added.body.template.id });

    const fetched = await t.call('GET', `/v1/schemas/${added.body.schema.id}`);
    expect(fetched.body).toEqual(added.body.schema);

    const replaced = await t.call('PUT', `/v1/schemas/${added.body.schema.id}`, { schema_json: { type: 'object' } });
    expect(replaced.status).toBe(201);
    expect(replaced.body.template).toMatchObject({ version_number: 3, parent_version: 2, input_schema: { type: 'object' } });
    expect(replaced.body.schema.name).toBe('Person');

    const removed = await t.call('DELETE', `/v1/schemas/${replaced.body.schema.id}`);
    expect(removed.status).toBe(201);
    expect(removed.body).toMatchObject({ template: { version_number: 4, input_schema: null }, schema: null });

    expect((await t.call('GET', path('Schemed@2'))).body.input_schema).toEqual(personSchema);
    expect((await t.call('GET', path('Schemed@1', '/schemas'))).body.items).toEqual([]);
  });

  it('rejects invalid schemas with 422 and writes nothing', async () => {
    await createTemplate(t, 'Strict');
    const before = await rowCounts(t);
    const bad = await t.call('POST', path('Strict', '/schemas'), { schema_type: 'output', schema_json: { type: 'strng' } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.type).toBe('schema_error');
    expect((await t.call('POST', path('Strict', '/schemas'), { schema_type: 'middle', schema_json: {} })).status).toBe(400);
    expect(await rowCounts(t)).toEqual(before);
  });

  it('validates a schema without saving it', async () => {
    expect(await t.call('POST', '/v1/schemas/validate', { schema_json: personSchema })).toMatchObject({ status: 200, body: { valid: true } });
    const invalid = await t.call('POST', '/v1/schemas/validate', { schema_json: { properties: { a: { type: 'strng' } } } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.details.violations.length).toBeGreaterThan(0);
    expect((await t.call('POST', '/v1/schemas/validate', { schema_json: 'nope' })).status).toBe(422);
  });

  it('404s unknown schema ids', async () => {
    expect((await t.call('GET', '/v1/schemas/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await t.call('DELETE', '/v1/schemas/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
