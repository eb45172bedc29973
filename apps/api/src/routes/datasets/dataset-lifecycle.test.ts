import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PromptDataset, PromptDatasetEntry } from '@promptops/db';
import { createTestApp, type TestApp } from '../../testing/create-test-app';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const EXACT = [{ type: 'exact_match' }];

async function ok<T = Record<string, unknown>>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await t.call(method, url, body);
  if (response.status >= 300) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as T;
}

async function datasetWithEntry(name: string, template: string | null): Promise<string> {
  const dataset = await ok<{ id: string }>('POST', '/v1/datasets', { name, template });
  await ok('POST', `/v1/datasets/${dataset.id}/entries`, { input_data: { word: 'hi' }, expected_output: 'hi' });
  return dataset.id;
}

describe('a dataset tied to a template', () => {
  let v1: string;
  let v2: string;

  beforeAll(async () => {
    v1 = (await ok<{ id: string }>('POST', '/v1/templates', { name: 'Follow', user_prompt_template: 'Say {{ word }}', provider: 'mock' })).id;
    v2 = (await ok<{ id: string }>('POST', '/v1/templates/Follow/versions', { system_prompt: 'v2' })).id;
  });

  it('by name follows the version the name resolves to, rollbacks included; by name@N stays on N', async () => {
    const following = await datasetWithEntry('follows-name', 'Follow');
    const pinned = await datasetWithEntry('pinned-v2', 'Follow@2');
    expect(await ok('GET', `/v1/datasets/${following}`)).toMatchObject({ template: 'Follow', template_id: v2 });

    await ok('POST', '/v1/templates/Follow/rollback', { version: 1 });
    expect(await ok('GET', `/v1/datasets/${following}`)).toMatchObject({ template: 'Follow', template_id: v1 });
    expect(await ok('GET', `/v1/datasets/${pinned}`)).toMatchObject({ template: 'Follow@2', template_id: v2 });

    // A run that names no template evaluates the dataset's own, resolved when it starts.
    const followRun = await ok('POST', `/v1/datasets/${following}/runs`, { scorers: EXACT });
    expect(followRun).toMatchObject({ template_id: v1, template_ref: 'Follow@1' });
    const pinnedRun = await ok('POST', `/v1/datasets/${pinned}/runs`, { scorers: EXACT });
    expect(pinnedRun).toMatchObject({ template_id: v2, template_ref: 'Follow@2' });
    // A template in the request still wins.
    expect(await ok('POST', `/v1/datasets/${following}/runs`, { template: 'Follow@2', scorers: EXACT })).toMatchObject({ template_id: v2 });
  });

  it('checks entries against the input schema of the version the name resolves to now', async () => {
    await ok('POST', '/v1/templates', {
      name: 'Schema follow',
      user_prompt_template: '{{ word }}',
      input_schema: { type: 'object', properties: { word: { type: 'string' } }, required: ['word'] },
    });
    const dataset = await ok<{ id: string }>('POST', '/v1/datasets', { name: 'schema-follow', template: 'Schema follow' });
    expect((await t.call('POST', `/v1/datasets/${dataset.id}/entries`, { input_data: {} })).status).toBe(422);
    await ok('POST', '/v1/templates/Schema%20follow/versions', { input_schema: null });
    expect((await t.call('POST', `/v1/datasets/${dataset.id}/entries`, { input_data: {} })).status).toBe(201);
  });

  it('refuses a run without a template when the dataset has none, naming the field', async () => {
    const untied = await datasetWithEntry('untied', null);
    const { status, body } = await t.call('POST', `/v1/datasets/${untied}/runs`, { scorers: EXACT });
    expect(status).toBe(400);
    expect(body.error.message).toContain('not tied to a template');
    expect(body.error.details).toMatchObject({ field: 'template' });
  });

  it('keeps its reference when the template is deleted, resolving to nothing until the name exists again', async () => {
    await ok('POST', '/v1/templates', { name: 'Fleeting', user_prompt_template: 'x' });
    const dataset = await ok<{ id: string }>('POST', '/v1/datasets', { name: 'fleeting-set', template: 'Fleeting' });
    await ok('DELETE', '/v1/templates/Fleeting');
    expect(await ok('GET', `/v1/datasets/${dataset.id}`)).toMatchObject({ template: 'Fleeting', template_id: null });
    expect((await t.call('POST', `/v1/datasets/${dataset.id}/runs`, { scorers: EXACT })).status).toBe(404);
    const reborn = await ok<{ id: string }>('POST', '/v1/templates', { name: 'Fleeting', user_prompt_template: 'y' });
    expect(await ok('GET', `/v1/datasets/${dataset.id}`)).toMatchObject({ template_id: reborn.id });
  });
});

describe('deleting a dataset that has runs', () => {
  it('soft-deletes it: hidden and closed, while its runs, results and entries stay readable', async () => {
    await ok('POST', '/v1/templates', { name: 'Kept history', user_prompt_template: 'Say {{ word }}', provider: 'mock' });
    const id = await datasetWithEntry('with-history', 'Kept history');
    const run = await ok<{ id: string }>('POST', `/v1/datasets/${id}/runs`, { scorers: EXACT });

    expect(await ok('DELETE', `/v1/datasets/${id}`)).toEqual({ id, deleted: 'soft' });
    expect((await t.call('GET', `/v1/datasets/${id}`)).status).toBe(404);
    expect((await ok<{ items: { id: string }[] }>('GET', '/v1/datasets?q=with-history')).items).toEqual([]);
    expect((await t.call('POST', `/v1/datasets/${id}/entries`, { input_data: { word: 'x' } })).status).toBe(404);
    expect((await t.call('POST', `/v1/datasets/${id}/runs`, { scorers: EXACT })).status).toBe(404);
    expect((await t.call('DELETE', `/v1/datasets/${id}`)).status).toBe(404);

    expect(await ok('GET', `/v1/runs/${run.id}`)).toMatchObject({ id: run.id, dataset_id: id });
    const results = await ok<{ items: { input: unknown }[] }>('GET', `/v1/runs/${run.id}/results`);
    expect(results.items.map((item) => item.input)).toEqual([{ word: 'hi' }]);
    expect((await ok<{ items: { id: string }[] }>('GET', `/v1/runs?dataset_id=${id}`)).items.map((r) => r.id)).toEqual([run.id]);
    const em = t.db.orm.em.fork();
    expect(await em.count(PromptDatasetEntry, { dataset: id })).toBe(1);
    expect(await em.findOne(PromptDataset, { id })).toMatchObject({ deleted_at: expect.any(Date) });

    // The name is free for a new dataset.
    expect((await t.call('POST', '/v1/datasets', { name: 'with-history' })).status).toBe(201);
  });
});
