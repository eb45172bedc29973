import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/create-test-app';

// Issue 11 item 2: an Idempotency-Key holds for one route and resource and one request body. The
// same key and body get the same answer (even when the requests race); the same key with another
// body is refused with 422; the same key sent elsewhere is another key; keys lapse after
// IDEMPOTENCY_TTL_HOURS.

let t: TestApp;
let datasetA: string;
let datasetB: string;
const sql = <T>(query: string, params: unknown[] = []) => t.db.orm.em.fork().getConnection().execute<T[]>(query, params);
const count = async (query: string, params: unknown[] = []) => Number((await sql<{ n: string }>(query, params))[0]!.n);
const withKey = (key: string) => ({ 'idempotency-key': key });

beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '0' });
  expect((await t.call('POST', '/v1/templates', { name: 'Echo', user_prompt_template: 'Say {{ word }}', provider: 'mock' })).status).toBe(201);
  datasetA = (await t.call('POST', '/v1/datasets', { name: 'A', template: 'Echo' })).body.id;
  datasetB = (await t.call('POST', '/v1/datasets', { name: 'B', template: 'Echo' })).body.id;
  for (const id of [datasetA, datasetB]) expect((await t.call('POST', `/v1/datasets/${id}/entries`, { input_data: { word: id } })).status).toBe(201);
});
afterAll(async () => {
  await t?.close();
});

describe('Idempotency-Key on executions', () => {
  it('replays the same execution for the same body, whatever its key order, and refuses another body with 422', async () => {
    const body = { template: 'Echo', context: { word: 'hi', n: 1 }, temperature: 0.5 };
    const first = await t.call('POST', '/v1/executions', body, withKey('exec-1'));
    expect(first.status).toBe(202);
    const again = await t.call(
      'POST',
      '/v1/executions',
      JSON.stringify({ temperature: 0.5, context: { n: 1, word: 'hi' }, template: 'Echo' }),
      withKey('exec-1'),
    );
    expect(again.status).toBe(202);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');

    const other = await t.call('POST', '/v1/executions', { ...body, context: { word: 'bye', n: 1 } }, withKey('exec-1'));
    expect(other.status).toBe(422);
    expect(other.body.error).toEqual({
      type: 'idempotency_key_reused',
      message: expect.stringContaining('different request body'),
      details: { scope: 'POST /v1/executions' },
    });
    expect(await count('select count(*) as n from prompt_executions where idempotency_key = ?', ['exec-1'])).toBe(1);
  });

  it('creates one execution when identical requests race', async () => {
    const body = { user_prompt: 'once, however often it is sent' };
    const answers = await Promise.all(Array.from({ length: 6 }, () => t.call('POST', '/v1/executions', body, withKey('race-1'))));
    expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(202));
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
    expect(answers.filter((answer) => answer.headers.get('idempotent-replayed') === 'true')).toHaveLength(5);
    expect(await count('select count(*) as n from prompt_executions where idempotency_key = ?', ['race-1'])).toBe(1);
  });

  it('keeps the key for IDEMPOTENCY_TTL_HOURS, then lets it be used afresh', async () => {
    const first = await t.call('POST', '/v1/executions', { user_prompt: 'first' }, withKey('lapsing'));
    const [key] = await sql<{ hours: number }>(
      `select extract(epoch from expires_at - created_at) / 3600 as hours from idempotency_keys where key = 'lapsing'`,
    );
    expect(Number(key!.hours)).toBe(24);

    await sql(`update idempotency_keys set expires_at = now() - interval '1 second' where key = 'lapsing'`);
    const later = await t.call('POST', '/v1/executions', { user_prompt: 'a new request under an old key' }, withKey('lapsing'));
    expect(later.status).toBe(202);
    expect(later.body.id).not.toBe(first.body.id);
    expect(later.headers.get('idempotent-replayed')).toBeNull();
    // The key now stands for the new request.
    expect((await t.call('POST', '/v1/executions', { user_prompt: 'a new request under an old key' }, withKey('lapsing'))).body.id).toBe(later.body.id);
    expect((await t.call('POST', '/v1/executions', { user_prompt: 'first' }, withKey('lapsing'))).status).toBe(422);
  });

  it('deletes lapsed keys as new ones are claimed, keeping what they created', async () => {
    const old = await t.call('POST', '/v1/executions', { user_prompt: 'old' }, withKey('swept'));
    await sql(`update idempotency_keys set expires_at = now() - interval '1 second' where key = 'swept'`);
    await t.call('POST', '/v1/executions', { user_prompt: 'new' }, withKey('sweeper'));
    expect(await count(`select count(*) as n from idempotency_keys where key = 'swept'`)).toBe(0);
    expect((await t.call('GET', `/v1/executions/${old.body.id}`)).status).toBe(200);
  });
});

describe('Idempotency-Key on evaluation runs', () => {
  const runBody = { template: 'Echo', scorers: [{ type: 'exact_match' }] };

  it('is scoped to the dataset: the same key on two datasets starts a run on each', async () => {
    const onA = await t.call('POST', `/v1/datasets/${datasetA}/runs`, runBody, withKey('nightly'));
    const onB = await t.call('POST', `/v1/datasets/${datasetB}/runs`, runBody, withKey('nightly'));
    expect([onA.status, onB.status]).toEqual([202, 202]);
    expect(onA.body.dataset_id).toBe(datasetA);
    expect(onB.body.dataset_id).toBe(datasetB);
    expect(onB.body.id).not.toBe(onA.body.id);

    const replay = await t.call('POST', `/v1/datasets/${datasetA}/runs`, runBody, withKey('nightly'));
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ id: onA.body.id, dataset_id: datasetA });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');

    const changed = await t.call('POST', `/v1/datasets/${datasetA}/runs`, { ...runBody, concurrency: 3 }, withKey('nightly'));
    expect(changed.status).toBe(422);
    expect(changed.body.error).toMatchObject({ type: 'idempotency_key_reused', details: { scope: `POST /v1/datasets/:id/runs id=${datasetA}` } });
    expect(await count(`select count(*) as n from evaluation_runs where idempotency_key = 'nightly'`)).toBe(2);
  });

  it('creates one run, with its items once, when identical requests race', async () => {
    const answers = await Promise.all(Array.from({ length: 4 }, () => t.call('POST', `/v1/datasets/${datasetB}/runs`, runBody, withKey('race-run'))));
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 202]);
    expect(await count(`select count(*) as n from evaluation_runs where idempotency_key = 'race-run'`)).toBe(1);
    expect(await count('select count(*) as n from evaluation_results where run_id = ?', [answers[0]!.body.id])).toBe(1);
  });

  it('is another key on another route', async () => {
    const run = await t.call('POST', `/v1/datasets/${datasetA}/runs`, runBody, withKey('shared'));
    const execution = await t.call('POST', '/v1/executions', { user_prompt: 'not a run' }, withKey('shared'));
    expect([run.status, execution.status]).toEqual([202, 202]);
    expect(execution.body.id).not.toBe(run.body.id);
  });
});
