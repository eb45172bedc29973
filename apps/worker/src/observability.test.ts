import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestPipeline, type TestPipeline } from './testing/start-test-pipeline';
import { until } from './testing/until';

const PROVIDER_KEY = 'sk-fake-provider-secret-0123456789';
const METRICS_TOKEN = 'metrics-token-abcdefghijklmnop';

let p: TestPipeline;
const output: string[] = [];
const logs = () =>
  output
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** Value of one exposition sample, e.g. `promptops_executions{status="succeeded"}`; undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

async function scrape(headers: Record<string, string> = {}): Promise<string> {
  const response = await p.call('GET', '/metrics', undefined, headers);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain; version=0.0.4');
  return response.body as string;
}

const raw = (user_prompt: string) => ({ user_prompt, provider: 'fake', model: 'gpt-4o-mini' });

beforeAll(async () => {
  const logDestination = new Writable({
    write(chunk, _encoding, done) {
      output.push(String(chunk));
      done();
    },
  });
  p = await startTestPipeline({ METRICS_TOKEN }, { logDestination, providerKey: PROVIDER_KEY });
});

afterAll(async () => {
  await p?.close();
});

beforeEach(() => p.fake.reset());

describe('request id tracing', () => {
  it('carries the client X-Request-Id to the row, the job payload and every worker line of the job', async () => {
    const requestId = 'trace-0001_abc=';
    const submitted = await p.call('POST', '/v1/executions?wait=20', raw('Say hello'), { 'X-Request-Id': requestId });
    expect(submitted.headers.get('x-request-id')).toBe(requestId);
    expect(submitted.body).toMatchObject({ status: 'succeeded', request_id: requestId });
    const id = submitted.body.id as string;
    expect((await p.queues.executions.getJob(id))?.data.request_id).toBe(requestId);
    expect(p.fake.requests[0]?.headers.authorization).toBe(`Bearer ${PROVIDER_KEY}`);

    p.fake.enqueue({ type: 'status', status: 401 });
    const failed = await p.call('POST', '/v1/executions?wait=20', raw('Say goodbye'), { 'X-Request-Id': 'trace-0002' });
    expect(failed.body).toMatchObject({ status: 'failed', failure_kind: 'provider', request_id: 'trace-0002' });

    await until(async () => logs().some((line) => line.execution_id === failed.body.id && line.msg === 'execution failed'), 5000, 'worker log lines');
    const lines = logs();
    const ofJob = (executionId: string) => lines.filter((line) => line.execution_id === executionId);
    expect(ofJob(id).map((line) => line.msg)).toContain('execution succeeded');
    expect(ofJob(failed.body.id).map((line) => line.msg)).toContain('execution failed');
    for (const line of ofJob(id)) expect(line.request_id).toBe(requestId);
    for (const line of ofJob(failed.body.id)) expect(line.request_id).toBe('trace-0002');
    expect(lines.find((line) => line.component === 'http' && line.method === 'POST' && line.request_id === requestId)).toBeDefined();
  });

  it('replaces a hostile or oversized X-Request-Id with a generated one', async () => {
    for (const hostile of ['x'.repeat(101), 'evil"}\\u000a{"level":60', 'has space']) {
      const submitted = await p.call('POST', '/v1/executions?wait=20', raw('Hi'), { 'X-Request-Id': hostile });
      const generated = submitted.headers.get('x-request-id');
      expect(generated).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(submitted.body).toMatchObject({ status: 'succeeded', request_id: generated });
    }
    expect(output.join('')).not.toContain('evil');
  });

  it('carries the run request id into the evaluation run and its executions', async () => {
    await p.call('POST', '/v1/templates', { name: 'Echo', user_prompt_template: 'Echo {{ word }}', provider: 'fake', model: 'gpt-4o-mini' });
    const dataset = await p.call('POST', '/v1/datasets', { name: 'Words', template: 'Echo' });
    expect(dataset.status).toBe(201);
    await p.call('POST', `/v1/datasets/${dataset.body.id}/entries/import`, [{ input_data: { word: 'a' } }, { input_data: { word: 'b' } }]);
    const submitted = await p.call(
      'POST',
      `/v1/datasets/${dataset.body.id}/runs`,
      { template: 'Echo', scorers: [{ type: 'contains', value: 'a' }] },
      { 'X-Request-Id': 'run-trace-7' },
    );
    expect(submitted.status).toBe(202);
    const runId = submitted.body.id as string;
    await until(async () => (await p.call('GET', `/v1/runs/${runId}`)).body.status === 'completed', 20_000, 'run to complete');
    const lines = logs();
    expect(lines.find((line) => line.run_id === runId && line.msg === 'evaluation run started')?.request_id).toBe('run-trace-7');
    const executionIds = (await p.db.orm.em.fork().getConnection().execute<{ id: string }[]>('select id from prompt_executions where run_id = ?', [runId])).map(
      (row) => row.id,
    );
    expect(executionIds).toHaveLength(2);
    for (const executionId of executionIds) {
      const ofJob = lines.filter((line) => line.execution_id === executionId);
      expect(ofJob.length).toBeGreaterThan(0);
      for (const line of ofJob) expect(line.request_id).toBe('run-trace-7');
    }
  });
});

describe('/metrics', () => {
  it('exposes queue, execution, provider, token, cost and job series with sensible values', async () => {
    p.fake.enqueue({ type: 'json', value: { ok: true }, usage: { prompt_tokens: 40, completion_tokens: 10 } });
    await p.execute(raw('Count me'));
    p.fake.enqueue({ type: 'status', status: 400 });
    await p.execute(raw('Fail me'));
    // The API answers once the row is final, a moment before the job itself is marked done.
    await until(
      async () => (sample(await scrape(), 'promptops_job_duration_seconds_count{queue="executions",outcome="failed"}') ?? 0) >= 2,
      5000,
      'job metrics',
    );
    const text = await scrape();
    const at = (series: string) => sample(text, series) ?? Number.NaN;
    expect(at('promptops_executions_finished_total{kind="raw",status="succeeded",failure_kind="none"}')).toBeGreaterThanOrEqual(1);
    expect(at('promptops_executions_finished_total{kind="raw",status="failed",failure_kind="provider"}')).toBeGreaterThanOrEqual(2);
    expect(at('promptops_provider_request_duration_seconds_count{provider="fake",model="gpt-4o-mini",outcome="success"}')).toBeGreaterThanOrEqual(1);
    expect(at('promptops_provider_errors_total{provider="fake",model="gpt-4o-mini",kind="bad_request"}')).toBe(1);
    expect(at('promptops_provider_errors_total{provider="fake",model="gpt-4o-mini",kind="auth"}')).toBe(1);
    expect(at('promptops_tokens_total{provider="fake",model="gpt-4o-mini",type="prompt"}')).toBeGreaterThanOrEqual(40);
    expect(at('promptops_tokens_total{provider="fake",model="gpt-4o-mini",type="completion"}')).toBeGreaterThanOrEqual(10);
    expect(at('promptops_cost_usd_total{provider="fake",model="gpt-4o-mini"}')).toBeGreaterThan(0);
    expect(at('promptops_job_duration_seconds_count{queue="executions",outcome="completed"}')).toBeGreaterThanOrEqual(1);
    expect(at('promptops_job_duration_seconds_count{queue="evaluation-runs",outcome="completed"}')).toBe(1);
    expect(at('promptops_queue_jobs{queue="executions",state="completed"}')).toBeGreaterThanOrEqual(1);
    expect(at('promptops_queue_jobs{queue="executions",state="failed"}')).toBeGreaterThanOrEqual(2);
    expect(at('promptops_queue_jobs{queue="generations",state="waiting"}')).toBe(0);
    expect(at('promptops_queue_jobs{queue="evaluation-runs",state="active"}')).toBe(0);
    expect(at('promptops_executions{status="succeeded"}')).toBeGreaterThanOrEqual(1);
    expect(at('promptops_executions{status="failed"}')).toBeGreaterThanOrEqual(2);
    expect(at('promptops_executions{status="queued"}')).toBe(0);
    expect(at('promptops_evaluation_runs{status="completed"}')).toBe(1);
    expect(at('promptops_metrics_source_up{source="redis"}')).toBe(1);
    expect(at('promptops_metrics_source_up{source="postgres"}')).toBe(1);
    // Labels stay bounded: no execution, job or request ids in any series.
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
  });

  it('needs an admin key or the metrics token once keys exist, and no log line holds a key', async () => {
    const admin = await p.services.apiKeys.create({ name: 'ops', scopes: ['admin'] });
    const reader = await p.services.apiKeys.create({ name: 'reader', scopes: ['read', 'write'] });
    expect((await p.call('GET', '/metrics')).status).toBe(401);
    expect((await p.call('GET', '/metrics', undefined, { authorization: `Bearer ${reader.key}` })).status).toBe(403);
    expect(await scrape({ authorization: `Bearer ${admin.key}` })).toContain('promptops_executions{status="succeeded"}');
    expect(await scrape({ authorization: `Bearer ${METRICS_TOKEN}` })).toContain('promptops_queue_jobs{');
    // Anywhere but /metrics the token is just an unknown bearer.
    expect((await p.call('GET', '/v1/executions', undefined, { authorization: `Bearer ${METRICS_TOKEN}` })).status).toBe(401);

    const submitted = await p.call('POST', '/v1/executions?wait=20', raw('Authenticated'), {
      authorization: `Bearer ${reader.key}`,
      'X-Request-Id': 'trace-keyed',
    });
    expect(submitted.body).toMatchObject({ status: 'succeeded', request_id: 'trace-keyed' });
    await until(async () => logs().some((line) => line.request_id === 'trace-keyed' && line.msg === 'execution succeeded'), 5000, 'worker line');
    const text = output.join('');
    for (const secret of [PROVIDER_KEY, admin.key, reader.key, METRICS_TOKEN]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/"authorization":"(?!\[redacted\])/i);
  });
});
