import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/create-test-app';

let t: TestApp;
let datasetId: string;

beforeAll(async () => {
  t = await createTestApp();
  datasetId = (await t.call('POST', '/v1/datasets', { name: 'entries' })).body.id;
});
afterAll(async () => {
  await t.close();
});

const entriesOf = (id = datasetId) => `/v1/datasets/${id}/entries`;

describe('entries CRUD', () => {
  it('creates, reads, updates and deletes an entry', async () => {
    const created = await t.call('POST', entriesOf(), { input_data: { q: 'hi' }, expected_output: 'hello', tags: ['greeting'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      dataset_id: datasetId,
      input_data: { q: 'hi' },
      expected_output: 'hello',
      tags: ['greeting'],
      created_at: expect.any(String),
    });
    const url = `${entriesOf()}/${created.body.id}`;
    expect((await t.call('GET', url)).body).toEqual(created.body);

    const patched = await t.call('PATCH', url, { expected_output: { text: 'hello' }, tags: [] });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ input_data: { q: 'hi' }, expected_output: { text: 'hello' }, tags: [] });
    expect((await t.call('PATCH', url, { expected_output: null })).body.expected_output).toBeNull();

    expect((await t.call('DELETE', url)).status).toBe(204);
    expect((await t.call('GET', url)).status).toBe(404);
    expect((await t.call('DELETE', url)).status).toBe(404);
  });

  it('answers 404 for an entry of another dataset and for an unknown dataset', async () => {
    const other = (await t.call('POST', '/v1/datasets', { name: 'entries-other' })).body.id;
    const entry = await t.call('POST', entriesOf(other), { input_data: {} });
    const elsewhere = await t.call('GET', `${entriesOf()}/${entry.body.id}`);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.error).toMatchObject({ type: 'not_found', details: { resource: 'entry', id: entry.body.id, dataset_id: datasetId } });
    const unknown = crypto.randomUUID();
    const missing = await t.call('POST', entriesOf(unknown), { input_data: {} });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toEqual({ type: 'not_found', message: `Dataset "${unknown}" not found`, details: { resource: 'dataset', id: unknown } });
  });
});

describe('entry listing', () => {
  let tagged: string;
  beforeAll(async () => {
    tagged = (await t.call('POST', '/v1/datasets', { name: 'tagged' })).body.id;
    for (const [n, tags] of [
      [1, ['smoke']],
      [2, ['smoke', 'edge']],
      [3, ['edge']],
      [4, []],
    ] as const) {
      await t.call('POST', entriesOf(tagged), { input_data: { n }, tags });
    }
  });
  const ns = (body: { items: { input_data: { n: number } }[] }) => body.items.map((entry) => entry.input_data.n);

  it('filters by any or all of the given tags', async () => {
    expect(ns((await t.call('GET', `${entriesOf(tagged)}?tags=smoke,edge`)).body)).toEqual([1, 2, 3]);
    expect(ns((await t.call('GET', `${entriesOf(tagged)}?tags=smoke,edge&match=all`)).body)).toEqual([2]);
    expect(ns((await t.call('GET', `${entriesOf(tagged)}?tags=edge`)).body)).toEqual([2, 3]);
    expect((await t.call('GET', `${entriesOf(tagged)}?tags=nothing`)).body.total).toBe(0);
  });

  it('pages oldest first by default, newest first on request', async () => {
    const page = await t.call('GET', `${entriesOf(tagged)}?limit=2&offset=1`);
    expect(page.body).toMatchObject({ total: 4, limit: 2, offset: 1 });
    expect(ns(page.body)).toEqual([2, 3]);
    expect(ns((await t.call('GET', `${entriesOf(tagged)}?order=newest`)).body)).toEqual([4, 3, 2, 1]);
  });
});

describe('entry validation', () => {
  it('checks input_data against the input schema of the tied template unless validate=false', async () => {
    await t.services.templates.create({
      name: 'typed',
      user_prompt_template: '{{ n }}',
      input_schema: { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] },
    });
    const bound = (await t.call('POST', '/v1/datasets', { name: 'bound', template: 'typed' })).body.id;
    expect((await t.call('POST', entriesOf(bound), { input_data: { n: 1 } })).status).toBe(201);
    const invalid = await t.call('POST', entriesOf(bound), { input_data: { n: 'one' } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.type).toBe('validation_error');
    expect((await t.call('POST', `${entriesOf(bound)}?validate=false`, { input_data: { n: 'one' } })).status).toBe(201);
  });

  it.each([
    ['input_data not an object', { input_data: [1, 2] }],
    ['input_data missing', { expected_output: 'x' }],
    ['unknown field', { input_data: {}, weight: 2 }],
    ['empty tag', { input_data: {}, tags: [''] }],
    ['blank tag', { input_data: {}, tags: ['  '] }],
    ['tag too long', { input_data: {}, tags: ['x'.repeat(101)] }],
    ['too many tags', { input_data: {}, tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }],
    ['tags not strings', { input_data: {}, tags: [1] }],
    ['malformed JSON', '{"input_data": {'],
  ])('%s → 400', async (_label, body) => {
    const response = await t.call('POST', entriesOf(), body);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ type: 'invalid_request', message: expect.any(String) });
  });

  it.each([
    ['bad entry uuid', 'GET', `/v1/datasets/${crypto.randomUUID()}/entries/nope`],
    ['bad dataset uuid', 'GET', '/v1/datasets/nope/entries'],
    ['bad match', 'GET', `/v1/datasets/${crypto.randomUUID()}/entries?match=some`],
    ['bad validate flag', 'POST', `/v1/datasets/${crypto.randomUUID()}/entries?validate=maybe`],
  ])('%s → 400', async (_label, method, path) => {
    const response = await t.call(method, path, method === 'POST' ? { input_data: {} } : undefined);
    expect(response.status).toBe(400);
    expect(response.body.error.type).toBe('invalid_request');
  });
});
