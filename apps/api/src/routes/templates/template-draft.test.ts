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

const preview = (body: unknown) => t.call('POST', '/v1/templates/preview', body);

const personSchema = {
  type: 'object',
  properties: { user: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } },
  required: ['user'],
};

describe('POST /v1/templates/preview', () => {
  it('renders unsaved prompts and lists their variables, writing nothing', async () => {
    const before = await rowCounts(t);
    const { status, body } = await preview({
      system_prompt: 'You help {{ user.name }}.',
      user_prompt_template: '{% for item in items %}- {{ item }}\n{% endfor %}Tone: {{ tone | default("neutral") }}',
      context: { user: { name: 'Ada' }, items: ['a', 'b'] },
      input_schema: personSchema,
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ system_prompt: 'You help Ada.', user_prompt: '- a\n- b\nTone: neutral' });
    expect(body.variables).toEqual(
      expect.arrayContaining([
        { path: 'user.name', type_hint: 'unknown', optional: false },
        { path: 'items', type_hint: 'array', optional: false },
        expect.objectContaining({ path: 'tone', optional: true }),
      ]),
    );
    expect(body.suggested_input_schema).toMatchObject({ type: 'object', properties: { user: { type: 'object' }, items: { type: 'array' } } });
    expect(await rowCounts(t)).toEqual(before);
  });

  it('defaults the system prompt and the context', async () => {
    const { status, body } = await preview({ user_prompt_template: 'Plain text' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ system_prompt: '', user_prompt: 'Plain text', variables: [] });
  });

  it.each([
    ['user_prompt_template', { user_prompt_template: 'Hello\n{{ user.name }\nbye' }, 2, 14],
    ['system_prompt', { system_prompt: 'a\n  {{ items | nope }}', user_prompt_template: 'fine' }, 2, 14],
  ])('places a syntax error in %s by line and column', async (field, body, line, column) => {
    const response = await preview(body);
    expect(response.status).toBe(422);
    expect(response.body.error.type).toBe('render_error');
    expect(response.body.error.message).toContain(field);
    expect(response.body.error.details).toMatchObject({ kind: 'syntax', field, line, column });
  });

  it('places an undefined variable and names it', async () => {
    const { status, body } = await preview({
      user_prompt_template: 'Dear {{ user.name }},\n\nAbout {{ topic | upper }}.',
      context: { user: { name: 'Ada' } },
    });
    expect(status).toBe(422);
    expect(body.error.type).toBe('render_error');
    expect(body.error.details).toMatchObject({ kind: 'undefined', variable: 'topic', field: 'user_prompt_template', line: 3, column: 10 });
    // What the draft needs comes with the error, so the editor can fill a context in one request.
    expect(body.error.details.variables.map((v: { path: string }) => v.path).sort()).toEqual(['topic', 'user', 'user.name']);
    expect(body.error.details.suggested_input_schema).toMatchObject({ type: 'object', required: expect.arrayContaining(['topic', 'user']) });
  });

  it('gives no variables with a syntax error, since the draft cannot be read', async () => {
    const { status, body } = await preview({ user_prompt_template: 'Hi {{ user.name | }}' });
    expect(status).toBe(422);
    expect(body.error.details.kind).toBe('syntax');
    expect(body.error.details.variables).toBeUndefined();
  });

  it('checks the context against the draft input schema, reporting Ajv paths', async () => {
    const { status, body } = await preview({ user_prompt_template: 'Hi {{ user.name }}', context: { user: { name: 7 } }, input_schema: personSchema });
    expect(status).toBe(422);
    expect(body.error.type).toBe('validation_error');
    expect(body.error.details.violations.map((v: { path: string }) => v.path)).toContain('/user/name');
  });

  it('refuses an invalid draft schema with 422, and ignores a null one', async () => {
    const invalid = await preview({ user_prompt_template: 'Hi', input_schema: { type: 'strng' } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.type).toBe('schema_error');
    expect((await preview({ user_prompt_template: 'Hi', input_schema: null })).status).toBe(200);
  });

  it('applies the render limits to drafts', async () => {
    const { status, body } = await preview({ user_prompt_template: '{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}' });
    expect(status).toBe(422);
    expect(body.error.details).toMatchObject({ kind: 'limit', field: 'user_prompt_template' });
  });

  it.each([
    ['no user prompt', { system_prompt: 'x' }],
    ['unknown field', { user_prompt_template: 'x', colour: 'red' }],
    ['array context', { user_prompt_template: 'x', context: [1] }],
    ['schema that is not an object', { user_prompt_template: 'x', input_schema: 'object' }],
  ])('answers 400 for %s', async (_label, body) => {
    const response = await preview(body);
    expect(response.status).toBe(400);
    expect(response.body.error.type).toBe('invalid_request');
  });

  it('is not taken for a template named "preview"', async () => {
    const saved = await createTemplate(t, 'preview');
    expect((await t.call('GET', path('preview'))).body.id).toBe(saved.id);
    expect((await preview({ user_prompt_template: 'draft' })).body.user_prompt).toBe('draft');
  });
});

describe('POST /v1/templates/{id}/render errors', () => {
  it('carry the failing field with line and column', async () => {
    await createTemplate(t, 'Placed', { system_prompt: 'Role: {{ role }}', user_prompt_template: 'Hi\n  {{ user.name }}' });
    const missingUser = await t.call('POST', path('Placed', '/render'), { context: { role: 'r' } });
    expect(missingUser.status).toBe(422);
    expect(missingUser.body.error.details).toMatchObject({ field: 'user_prompt_template', variable: 'user', line: 2, column: 6 });
    const missingBoth = await t.call('POST', path('Placed', '/render'), { context: {} });
    expect(missingBoth.body.error.details).toMatchObject({ field: 'system_prompt', variable: 'role', line: 1, column: 10 });
  });
});
