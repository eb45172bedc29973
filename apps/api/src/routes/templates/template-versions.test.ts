import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/create-test-app';
import { createTemplate, path } from './template-test-fixtures';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const resolvedVersion = async (name: string) => (await t.call('GET', path(name))).body.version_number;

describe('version lifecycle', () => {
  let v1: { id: string };

  beforeAll(async () => {
    v1 = await createTemplate(t, 'Lifecycle', { system_prompt: 'Be brief.', input_schema: { type: 'object' } });
  });

  it('derives v2 and v3 from v1, copying content and schemas and recording the parent', async () => {
    const v2 = await t.call('POST', path(v1.id, '/versions'), { user_prompt_template: 'Hi {{ user }}!' });
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ version_number: 2, parent_version: 1, system_prompt: 'Be brief.', input_schema: { type: 'object' } });
    const v3 = await t.call('POST', path('Lifecycle@1', '/versions'), { temperature: 0.1, input_schema: null });
    expect(v3.body).toMatchObject({ version_number: 3, parent_version: 1, user_prompt_template: 'Hello {{ user }}', input_schema: null });
    expect((await t.call('GET', path(v1.id))).body).toMatchObject({ version_number: 1, resolved: false, temperature: 0.7 });
  });

  it('resolves the name to its highest active version, falling back on deactivation', async () => {
    expect(await resolvedVersion('Lifecycle')).toBe(3);
    const deactivated = await t.call('POST', path('Lifecycle@3', '/deactivate'));
    expect(deactivated.body).toMatchObject({ is_active: false, resolved: false });
    expect(await resolvedVersion('Lifecycle')).toBe(2);
    expect((await t.call('GET', path('Lifecycle@3'))).body.version_number).toBe(3);
    expect((await t.call('GET', path('Lifecycle@2'))).body.user_prompt_template).toBe('Hi {{ user }}!');
  });

  it('rolls back by deactivating every higher version, and activate brings one back', async () => {
    await t.call('POST', path('Lifecycle@3', '/activate'));
    const rolled = await t.call('POST', path('Lifecycle', '/rollback'), { version: 1 });
    expect(rolled.status).toBe(200);
    expect(rolled.body).toMatchObject({ version_number: 1, is_active: true, resolved: true });
    const versions = (await t.call('GET', path('Lifecycle', '/versions'))).body.items;
    expect(versions.map((v: { version_number: number; is_active: boolean }) => [v.version_number, v.is_active])).toEqual([
      [3, false],
      [2, false],
      [1, true],
    ]);
    expect((await t.call('POST', path('Lifecycle', '/rollback'), { version: 9 })).status).toBe(404);
    await t.call('POST', path('Lifecycle@2', '/activate'));
    expect(await resolvedVersion('Lifecycle')).toBe(2);
  });

  it('numbers a version derived from an old one after the highest existing number', async () => {
    const v4 = await t.call('POST', path('Lifecycle@2', '/versions'), {});
    expect(v4.body).toMatchObject({ version_number: 4, parent_version: 2 });
  });

  it('lists versions even when none is active, and 404s the bare name then', async () => {
    const only = await createTemplate(t, 'Dormant');
    await t.call('POST', path(only.id, '/deactivate'));
    const resolved = await t.call('GET', path('Dormant'));
    expect(resolved.status).toBe(404);
    expect(resolved.body.error.message).toContain('no active version');
    expect((await t.call('GET', path('Dormant', '/versions'))).body.items).toHaveLength(1);
  });

  it('validates new-version bodies like create', async () => {
    expect((await t.call('POST', path('Lifecycle', '/versions'), { name: 'Other' })).status).toBe(400);
    expect((await t.call('POST', path('Lifecycle', '/versions'), { user_prompt_template: '{{ broken' })).status).toBe(422);
    expect((await t.call('POST', path('Missing', '/versions'), {})).status).toBe(404);
  });
});

describe('duplicate', () => {
  it('starts a new lineage at version 1 remembering its source, and renames default schema names', async () => {
    const source = await createTemplate(t, 'Original', { output_schema: { type: 'object' } });
    const copy = await t.call('POST', path('Original', '/duplicate'), { name: 'Copy', description: 'forked' });
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({
      name: 'Copy',
      version_number: 1,
      parent_version: null,
      source_template_id: source.id,
      description: 'forked',
      output_schema: { type: 'object' },
    });
    const schemas = await t.call('GET', path('Copy', '/schemas'));
    expect(schemas.body.items[0].name).toBe('Copy output');
    expect((await t.call('POST', path('Original', '/duplicate'), { name: 'Copy' })).status).toBe(409);
    expect((await t.call('POST', path('Original', '/duplicate'), {})).status).toBe(400);
  });
});

describe('diff', () => {
  it('reports changed fields, a unified patch with hunks, and schema changes', async () => {
    await createTemplate(t, 'Differ', { system_prompt: 'line one\nline two\nline three', output_schema: { type: 'object' } });
    await t.call('POST', path('Differ', '/versions'), {
      system_prompt: 'line one\nline 2\nline three',
      model: 'gpt-4o-mini',
      output_schema: { type: 'object', required: ['a'] },
    });
    const { status, body } = await t.call('GET', `${path('Differ@2', '/diff')}?against=1`);
    expect(status).toBe(200);
    expect(body.from.version_number).toBe(1);
    expect(body.to.version_number).toBe(2);
    expect(body.changed_fields.map((c: { field: string }) => c.field).sort()).toEqual(['model', 'output_schema', 'system_prompt']);
    expect(body.changed_fields.find((c: { field: string }) => c.field === 'model')).toEqual({ field: 'model', old: '', new: 'gpt-4o-mini' });
    expect(body.prompts.system_prompt.changed).toBe(true);
    expect(body.prompts.system_prompt.patch).toContain('-line two');
    expect(body.prompts.system_prompt.patch).toContain('+line 2');
    expect(body.prompts.system_prompt.hunks).toHaveLength(1);
    expect(body.prompts.system_prompt.hunks[0]).toMatchObject({ old_start: 1, new_start: 1 });
    expect(body.prompts.system_prompt.hunks[0].lines).toEqual(expect.arrayContaining([' line one', '-line two', '+line 2']));
    expect(body.prompts.user_prompt_template).toEqual({ changed: false, patch: '', hunks: [] });
    expect(body.schemas.output_schema).toEqual({ changed: true, old: { type: 'object' }, new: { type: 'object', required: ['a'] } });
    expect(body.schemas.input_schema.changed).toBe(false);
    expect((await t.call('GET', `${path('Differ', '/diff')}?against=Greeter`)).status).toBe(404);
    expect((await t.call('GET', path('Differ', '/diff'))).status).toBe(400);
  });
});

describe('concurrency', () => {
  it('gives parallel new-version calls distinct consecutive numbers', async () => {
    await createTemplate(t, 'Busy');
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => t.call('POST', path('Busy@1', '/versions'), { description: `change ${i}` })));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(201));
    const numbers = responses.map((r) => r.body.version_number).sort((a, b) => a - b);
    expect(numbers).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('lets exactly one of two parallel creates of the same name win', async () => {
    const responses = await Promise.all([0, 1].map(() => t.call('POST', '/v1/templates', { name: 'Race', user_prompt_template: 'x' })));
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
  });
});
