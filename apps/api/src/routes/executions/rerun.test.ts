import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/create-test-app';

let t: TestApp;
const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => t.db.orm.em.fork().getConnection().execute<T[]>(query, params);

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t?.close();
});

async function rerun(id: string) {
  const response = await t.call('POST', `/v1/executions/${id}/rerun`);
  expect(response.status, JSON.stringify(response.body)).toBe(202);
  expect(response.body).toEqual({ id: expect.any(String), status: 'queued' });
  expect(response.body.id).not.toBe(id);
  expect(response.headers.get('location')).toBe(`/v1/executions/${response.body.id}`);
  return (await t.call('GET', `/v1/executions/${response.body.id}`)).body;
}

describe('POST /v1/executions/{id}/rerun', () => {
  it('queues a new execution of the same template version, context and overrides', async () => {
    const v1 = await t.call('POST', '/v1/templates', {
      name: 'Rerun Greeter',
      user_prompt_template: 'Greet {{ user.name }}',
      provider: 'mock',
      input_schema: { type: 'object', properties: { user: { type: 'object' } }, required: ['user'] },
    });
    expect(v1.status).toBe(201);
    const submitted = await t.call('POST', '/v1/executions', {
      template: 'Rerun Greeter',
      context: { user: { name: 'Ada' } },
      model: 'mock-large',
      temperature: 0.7,
      max_tokens: 64,
    });
    expect(submitted.status).toBe(202);
    // A newer version does not change what the original ran.
    expect((await t.call('POST', '/v1/templates/Rerun%20Greeter@1/versions', { user_prompt_template: 'Hello {{ user.name }}' })).status).toBe(201);

    const original = (await t.call('GET', `/v1/executions/${submitted.body.id}`)).body;
    const again = await rerun(original.id);
    for (const field of ['kind', 'template_id', 'input_context', 'provider', 'model', 'temperature', 'max_tokens', 'output_schema']) {
      expect(again[field], field).toEqual(original[field]);
    }
    expect(again).toMatchObject({ template_id: v1.body.id, model: 'mock-large', temperature: 0.7, max_tokens: 64, status: 'queued', attempts: 0 });
    expect(await (await t.queues.executions.getJob(again.id))?.getState()).toBe('waiting');
    // The original is left as it was.
    expect((await t.call('GET', `/v1/executions/${original.id}`)).body).toEqual(original);
  });

  it('re-runs raw executions with the same prompts, schema and validation retries', async () => {
    const outputSchema = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'] };
    const submitted = await t.call('POST', '/v1/executions', {
      system_prompt: 'Be brief.',
      user_prompt: 'Say hi',
      output_schema: outputSchema,
      max_validation_retries: 4,
      provider: 'mock',
    });
    expect(submitted.status).toBe(202);
    const again = await rerun(submitted.body.id);
    expect(again).toMatchObject({
      kind: 'raw',
      template_id: null,
      rendered_system_prompt: 'Be brief.',
      rendered_user_prompt: 'Say hi',
      output_schema: outputSchema,
      provider: 'mock',
    });
    const retries = await sql<{ id: string; max_validation_retries: number }>('select id, max_validation_retries from prompt_executions where id in (?, ?)', [
      submitted.body.id,
      again.id,
    ]);
    expect(retries.map((row) => row.max_validation_retries)).toEqual([4, 4]);
  });

  it('answers 404 for an unknown execution and 409 for an item of an evaluation run', async () => {
    const missing = await t.call('POST', '/v1/executions/0b5f1c7e-3d2a-4b8e-9f10-6a7d2c4e8b11/rerun');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toEqual({
      type: 'not_found',
      message: 'Execution "0b5f1c7e-3d2a-4b8e-9f10-6a7d2c4e8b11" not found',
      details: { resource: 'execution', id: '0b5f1c7e-3d2a-4b8e-9f10-6a7d2c4e8b11' },
    });
    expect((await t.call('POST', '/v1/executions/not-a-uuid/rerun')).status).toBe(400);

    const template = await t.call('POST', '/v1/templates', { name: 'Rerun Run Item', user_prompt_template: 'Echo {{ text }}', provider: 'mock' });
    const dataset = await t.call('POST', '/v1/datasets', { name: 'rerun-items', template: template.body.id });
    expect((await t.call('POST', `/v1/datasets/${dataset.body.id}/entries`, { input_data: { text: 'a' }, expected_output: 'a' })).status).toBe(201);
    const run = await t.call('POST', `/v1/datasets/${dataset.body.id}/runs`, { template: template.body.id, scorers: [{ type: 'exact_match' }] });
    expect(run.status).toBe(202);
    // Run items are written by the run's driver (a worker); attach an execution to the run as one would be.
    const item = await t.call('POST', '/v1/executions', { template_id: template.body.id, context: { text: 'a' } });
    await sql('update prompt_executions set run_id = ? where id = ?', [run.body.id, item.body.id]);
    const before = await sql('select count(*)::int as n from prompt_executions');

    const refused = await t.call('POST', `/v1/executions/${item.body.id}/rerun`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ type: 'conflict', details: { run_id: run.body.id } });
    expect(await sql('select count(*)::int as n from prompt_executions')).toEqual(before);
  });
});
