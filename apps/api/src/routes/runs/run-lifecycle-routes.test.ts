import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/create-test-app';

// No worker runs here: a submitted run stays queued with its items pending, which is all that
// cancelling, resuming and re-running need (the worker tests run resumed runs to the end).
let t: TestApp;
let datasetId: string;

async function submitRun(): Promise<string> {
  const submitted = await t.call('POST', `/v1/datasets/${datasetId}/runs`, { template: 'Echo', scorers: [{ type: 'exact_match' }] });
  expect(submitted.status).toBe(202);
  return submitted.body.id;
}

beforeAll(async () => {
  t = await createTestApp();
  expect((await t.call('POST', '/v1/templates', { name: 'Echo', user_prompt_template: 'Say {{ word }}' })).status).toBe(201);
  datasetId = (await t.call('POST', '/v1/datasets', { name: 'lifecycle', template: 'Echo' })).body.id;
  const entries = ['one', 'two', 'three'].map((word) => ({ input_data: { word }, expected_output: word }));
  expect((await t.call('POST', `/v1/datasets/${datasetId}/entries/import`, entries)).status).toBe(201);
});

afterAll(async () => {
  await t.close();
});

describe('cancelling something already finished', () => {
  it('answers 200 with the unchanged record, for runs and executions alike', async () => {
    const runId = await submitRun();
    const cancelled = await t.call('POST', `/v1/runs/${runId}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', error_message: 'cancelled by request', progress: { cancelled: 3, pending: 0 } });
    const again = await t.call('POST', `/v1/runs/${runId}/cancel`);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(cancelled.body);

    const execution = await t.call('POST', '/v1/executions', { template: 'Echo', context: { word: 'hi' } });
    const first = await t.call('POST', `/v1/executions/${execution.body.id}/cancel`);
    expect(first.body).toMatchObject({ status: 'cancelled', failure_kind: 'cancelled' });
    const second = await t.call('POST', `/v1/executions/${execution.body.id}/cancel`);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);

    expect((await t.call('POST', `/v1/runs/${crypto.randomUUID()}/cancel`)).status).toBe(404);
    expect((await t.call('POST', `/v1/executions/${crypto.randomUUID()}/cancel`)).status).toBe(404);
  });
});

describe('POST /v1/runs/{id}/resume', () => {
  it('queues a cancelled run again with its cancelled items pending, and refuses anything else with 409', async () => {
    const runId = await submitRun();
    const queued = await t.call('POST', `/v1/runs/${runId}/resume`);
    expect(queued.status).toBe(409);
    expect(queued.body.error).toMatchObject({ type: 'conflict', details: { id: runId, status: 'queued' } });

    await t.call('POST', `/v1/runs/${runId}/cancel`);
    const resumed = await t.call('POST', `/v1/runs/${runId}/resume`);
    expect(resumed.status).toBe(202);
    expect(resumed.headers.get('location')).toBe(`/v1/runs/${runId}`);
    expect(resumed.body).toMatchObject({
      id: runId,
      status: 'queued',
      error_message: null,
      finished_at: null,
      progress: { total: 3, pending: 3, cancelled: 0 },
    });
    expect(await (await t.queues.evaluationRuns.getJob(runId))?.getState()).toBe('waiting');
    expect((await t.call('POST', `/v1/runs/${runId}/resume`)).status).toBe(409);
    expect((await t.call('POST', `/v1/runs/${crypto.randomUUID()}/resume`)).status).toBe(404);
  });
});

describe('POST /v1/runs/{id}/rerun-failed', () => {
  it('takes cancelled items only when asked to, and rejects an unknown option', async () => {
    const runId = await submitRun();
    await t.call('POST', `/v1/runs/${runId}/cancel`);
    const none = await t.call('POST', `/v1/runs/${runId}/rerun-failed`);
    expect(none.status).toBe(409);
    expect(none.body.error.message).toMatch(/no failed items/);
    expect((await t.call('POST', `/v1/runs/${runId}/rerun-failed`, { include: ['not_passed'] })).status).toBe(409);

    const rerun = await t.call('POST', `/v1/runs/${runId}/rerun-failed`, { include: ['cancelled', 'not_passed'] });
    expect(rerun.status).toBe(202);
    expect(rerun.body).toMatchObject({ parent_run_id: runId, status: 'queued', progress: { total: 3, pending: 3 } });

    for (const body of [{ include: ['everything'] }, { include: 'cancelled' }, { also: true }]) {
      const rejected = await t.call('POST', `/v1/runs/${runId}/rerun-failed`, body);
      expect({ body, status: rejected.status, type: rejected.body.error?.type }).toEqual({ body, status: 400, type: 'invalid_request' });
    }
  });
});
