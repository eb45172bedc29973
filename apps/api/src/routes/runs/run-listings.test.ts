import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/create-test-app';

// Runs are only submitted here (no worker takes them), so each stays queued with its items pending:
// enough for the listings, which read what submission wrote.
let t: TestApp;
let datasetA: string;
let datasetB: string;
let entryIds: string[];

async function submitRun(datasetId: string) {
  const submitted = await t.call('POST', `/v1/datasets/${datasetId}/runs`, { template: 'Echo', repetitions: 2, scorers: [{ type: 'exact_match' }] });
  expect(submitted.status).toBe(202);
  return submitted.body.id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  expect((await t.call('POST', '/v1/templates', { name: 'Echo', user_prompt_template: 'Say {{ word }}' })).status).toBe(201);
  datasetA = (await t.call('POST', '/v1/datasets', { name: 'listings-a', template: 'Echo' })).body.id;
  datasetB = (await t.call('POST', '/v1/datasets', { name: 'listings-b', template: 'Echo' })).body.id;
  for (const id of [datasetA, datasetB]) {
    const imported = await t.call(
      'POST',
      `/v1/datasets/${id}/entries/import`,
      ['one', 'two', 'three'].map((word) => ({ input_data: { word }, expected_output: word })),
    );
    expect(imported.status).toBe(201);
  }
  entryIds = (await t.call('GET', `/v1/datasets/${datasetA}/entries`)).body.items.map((entry: { id: string }) => entry.id);
});

afterAll(async () => {
  await t.close();
});

describe('GET /v1/runs', () => {
  it('lists the runs of every dataset newest first, or of one dataset, or in one status', async () => {
    const first = await submitRun(datasetA);
    const second = await submitRun(datasetB);
    const third = await submitRun(datasetA);

    const all = await t.call('GET', '/v1/runs');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 3, limit: 50, offset: 0 });
    expect(all.body.items.map((run: { id: string }) => run.id)).toEqual([third, second, first]);
    expect(all.body.items[0]).toMatchObject({ dataset_id: datasetA, template_ref: 'Echo', progress: { total: 6, pending: 6 } });

    const ofA = await t.call('GET', `/v1/runs?dataset_id=${datasetA}&limit=1&offset=1`);
    expect(ofA.body).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(ofA.body.items.map((run: { id: string }) => run.id)).toEqual([first]);

    await t.call('POST', `/v1/runs/${second}/cancel`);
    const cancelled = await t.call('GET', '/v1/runs?status=cancelled');
    expect(cancelled.body.items.map((run: { id: string }) => run.id)).toEqual([second]);
    expect((await t.call('GET', `/v1/runs?dataset_id=${crypto.randomUUID()}`)).body).toMatchObject({ total: 0, items: [] });
  });

  it.each([
    ['a malformed dataset id', '/v1/runs?dataset_id=nope'],
    ['an unknown status', '/v1/runs?status=paused'],
    ['a limit out of range', '/v1/runs?limit=500'],
  ])('answers 400 for %s', async (_label, path) => {
    const response = await t.call('GET', path);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ type: expect.any(String), message: expect.any(String) });
  });
});

describe('GET /v1/runs/{id}/results?dataset_entry_ids=', () => {
  it("returns only the listed entries' items, every repetition of each", async () => {
    const runId = await submitRun(datasetA);
    const [first, , third] = entryIds as [string, string, string];
    const picked = await t.call('GET', `/v1/runs/${runId}/results?dataset_entry_ids=${first},${third}`);
    expect(picked.status).toBe(200);
    expect(picked.body.total).toBe(4);
    const items = picked.body.items.map((item: { dataset_entry_id: string; repetition: number }) => `${item.dataset_entry_id}/${item.repetition}`);
    expect(items.sort()).toEqual([`${first}/0`, `${first}/1`, `${third}/0`, `${third}/1`].sort());
    expect(picked.body.items.find((item: { dataset_entry_id: string }) => item.dataset_entry_id === third)).toMatchObject({
      input: { word: 'three' },
      expected_output: 'three',
    });

    // An entry of another dataset is simply not in this run.
    const foreign = (await t.call('GET', `/v1/datasets/${datasetB}/entries?limit=1`)).body.items[0].id;
    expect((await t.call('GET', `/v1/runs/${runId}/results?dataset_entry_ids=${foreign}`)).body).toMatchObject({ total: 0, items: [] });
  });

  it.each([
    ['a malformed id', 'not-a-uuid'],
    ['an empty list', ' , '],
    ['more than 200 ids', Array.from({ length: 201 }, () => crypto.randomUUID()).join(',')],
  ])('answers 400 for %s', async (_label, ids) => {
    const runs = await t.call('GET', `/v1/runs?dataset_id=${datasetA}&limit=1`);
    const response = await t.call('GET', `/v1/runs/${runs.body.items[0].id}/results?dataset_entry_ids=${encodeURIComponent(ids)}`);
    expect(response.status).toBe(400);
    expect(response.body.error.type).toBe('invalid_request');
  });
});
