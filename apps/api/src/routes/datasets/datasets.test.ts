import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PromptExecution } from '@promptops/db';
import { createTestApp, type TestApp } from '../../testing/create-test-app';
import { datasetRoutes } from './index';

let t: TestApp;
let templateId: string;

beforeAll(async () => {
  t = await createTestApp();
  const template = await t.services.templates.create({
    name: 'greeter',
    user_prompt_template: 'Hello {{ name }}',
    input_schema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
  });
  templateId = template.id;
});
afterAll(async () => {
  await t.close();
});

describe('datasets CRUD', () => {
  it('creates, reads, lists, updates and deletes a dataset', async () => {
    const created = await t.call('POST', '/v1/datasets', { name: 'smoke', description: 'Quick checks' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'smoke', description: 'Quick checks', template: null, template_id: null, entry_count: 0 });
    const id = created.body.id;

    await t.call('POST', `/v1/datasets/${id}/entries`, { input_data: { a: 1 }, tags: ['x', 'y'] });
    await t.call('POST', `/v1/datasets/${id}/entries`, { input_data: { a: 2 }, tags: ['x'] });
    const got = await t.call('GET', `/v1/datasets/${id}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id, entry_count: 2, tags: { x: 2, y: 1 } });

    const patched = await t.call('PATCH', `/v1/datasets/${id}`, { name: 'smoke-2', description: 'Renamed' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'smoke-2', description: 'Renamed', entry_count: 2 });

    const deleted = await t.call('DELETE', `/v1/datasets/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ id, deleted: 'hard' });
    expect((await t.call('GET', `/v1/datasets/${id}`)).status).toBe(404);
    expect((await t.call('DELETE', `/v1/datasets/${id}`)).status).toBe(404);
  });

  it('answers 409 for a duplicate name, on create and on rename', async () => {
    await t.call('POST', '/v1/datasets', { name: 'taken' });
    const duplicate = await t.call('POST', '/v1/datasets', { name: 'taken' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.type).toBe('conflict');
    const other = await t.call('POST', '/v1/datasets', { name: 'free' });
    expect((await t.call('PATCH', `/v1/datasets/${other.body.id}`, { name: 'taken' })).status).toBe(409);
  });

  it('ties a dataset to a template by name (following it) or by id or name@N (pinned), and unties it', async () => {
    for (const [ref, stored] of [
      [templateId, 'greeter@1'],
      ['greeter', 'greeter'],
      ['greeter@1', 'greeter@1'],
    ]) {
      const created = await t.call('POST', '/v1/datasets', { name: `tied-${ref}`, template: ref });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ template: stored, template_id: templateId });
    }
    const unknown = await t.call('POST', '/v1/datasets', { name: 'tied-unknown', template: 'nope@3' });
    expect(unknown.status).toBe(404);

    const listed = await t.call('GET', '/v1/datasets?template=greeter');
    expect(listed.body.total).toBe(3);
    expect(listed.body.items.every((dataset: { template_id: string }) => dataset.template_id === templateId)).toBe(true);
    const untied = await t.call('PATCH', `/v1/datasets/${listed.body.items[0].id}`, { template: null });
    expect(untied.body).toMatchObject({ template: null, template_id: null });
    expect((await t.call('GET', '/v1/datasets?template=greeter')).body.total).toBe(2);
  });

  it('lists with a text filter and pagination', async () => {
    await t.call('POST', '/v1/datasets', { name: 'search-alpha', description: 'about 100% of cases' });
    await t.call('POST', '/v1/datasets', { name: 'search-beta', description: 'other' });
    await t.call('POST', '/v1/datasets', { name: 'unrelated', description: 'mentions SEARCH in passing' });
    const page = await t.call('GET', '/v1/datasets?q=search&limit=2&offset=0');
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(page.body.items.map((d: { name: string }) => d.name)).toEqual(['search-alpha', 'search-beta']);
    // `%` is matched literally, not as a wildcard.
    const literal = await t.call('GET', `/v1/datasets?q=${encodeURIComponent('100%')}`);
    expect(literal.body.items.map((d: { name: string }) => d.name)).toEqual(['search-alpha']);
  });

  it('deletes entries with the dataset but keeps executions that used them', async () => {
    const dataset = await t.call('POST', '/v1/datasets', { name: 'with-executions' });
    const entry = await t.call('POST', `/v1/datasets/${dataset.body.id}/entries`, { input_data: { q: 'hi' } });
    const em = t.db.orm.em.fork();
    const execution = em.create(PromptExecution, {
      kind: 'raw',
      dataset_entry: entry.body.id,
      input_context: {},
      provider: 'mock',
      model: 'mock-1',
    });
    await em.flush();

    expect((await t.call('DELETE', `/v1/datasets/${dataset.body.id}`)).body).toEqual({ id: dataset.body.id, deleted: 'hard' });
    expect((await t.call('GET', `/v1/datasets/${dataset.body.id}/entries/${entry.body.id}`)).status).toBe(404);
    const kept = await t.db.orm.em.fork().findOne(PromptExecution, { id: execution.id });
    expect(kept).not.toBeNull();
    expect(kept?.dataset_entry).toBeNull();
  });
});

describe('dataset request errors', () => {
  it.each([
    ['malformed JSON', 'POST', '/v1/datasets', '{"name": ', 400],
    ['wrong type', 'POST', '/v1/datasets', { name: 42 }, 400],
    ['unknown field', 'POST', '/v1/datasets', { name: 'x', colour: 'red' }, 400],
    ['blank name', 'POST', '/v1/datasets', { name: '   ' }, 400],
    ['bad uuid', 'GET', '/v1/datasets/not-a-uuid', undefined, 400],
    ['bad uuid on patch', 'PATCH', '/v1/datasets/123', { name: 'x' }, 400],
    ['empty template filter', 'GET', '/v1/datasets?template=', undefined, 400],
    ['limit out of range', 'GET', '/v1/datasets?limit=0', undefined, 400],
    ['unknown dataset', 'GET', `/v1/datasets/${crypto.randomUUID()}`, undefined, 404],
  ])('%s → 4xx with an error body', async (_label, method, path, body, status) => {
    const response = await t.call(method, path, body);
    expect(response.status).toBe(status);
    expect(response.body.error).toMatchObject({ type: expect.any(String), message: expect.any(String) });
    expect(response.body.error).toHaveProperty('details');
  });

  // Built from this router alone so the check does not depend on other route groups' documents.
  it('documents every dataset route and the import media types', () => {
    const doc = datasetRoutes(t.services).getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'datasets', version: '0' } });
    expect(Object.keys(doc.paths ?? {}).sort()).toEqual([
      '/datasets',
      '/datasets/{id}',
      '/datasets/{id}/entries',
      '/datasets/{id}/entries/export',
      '/datasets/{id}/entries/import',
      '/datasets/{id}/entries/{entryId}',
    ]);
    expect(Object.keys(doc.components?.schemas ?? {})).toEqual(
      expect.arrayContaining(['Dataset', 'DatasetDetail', 'DatasetEntry', 'DatasetEntryInput', 'DatasetImportResult']),
    );
    const importBody = doc.paths?.['/datasets/{id}/entries/import']?.post?.requestBody as { content: object };
    expect(Object.keys(importBody.content)).toEqual(['application/json', 'application/jsonl', 'application/x-ndjson', 'text/plain']);
  });
});
