import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunView } from '@promptops/domain';
import type { ChatRequestBody, FakeBehaviour } from '@promptops/providers/testing';
import { startTestPipeline, type TestPipeline } from './testing/start-test-pipeline';
import { until } from './testing/until';

const CAPITALS: Record<string, string> = { France: 'Paris', Japan: 'Tokyo', Peru: 'Lima', Kenya: 'Nairobi', Canada: 'Ottawa', Chile: 'Santiago' };

let p: TestPipeline;
let datasetId: string;

const userText = (body: ChatRequestBody) => body.messages?.filter((m) => m.role === 'user').at(0)?.content ?? '';
const countryIn = (body: ChatRequestBody) => /Capital of (\w+)\?/.exec(userText(body))?.[1] ?? '';

interface CapitalOptions {
  wrong?: string[];
  broken?: string[];
  latencyMs?: number;
}

/** The right capital, except for `wrong` countries (scored, not passed) and `broken` ones (400: the execution fails). */
function capitalAnswer(body: ChatRequestBody, options: CapitalOptions = {}): FakeBehaviour {
  const country = countryIn(body);
  if (options.broken?.includes(country)) return { type: 'status', status: 400 };
  return { type: 'json', value: { capital: options.wrong?.includes(country) ? 'Springfield' : CAPITALS[country] }, latencyMs: options.latencyMs ?? 0 };
}

const capitals = (options: CapitalOptions = {}): FakeBehaviour => ({ type: 'choose', pick: (body) => capitalAnswer(body, options) });

async function run(id: string): Promise<RunView> {
  return (await p.call<RunView>('GET', `/v1/runs/${id}`)).body;
}

async function waitForRun(id: string): Promise<RunView> {
  await until(async () => ['completed', 'failed', 'cancelled'].includes((await run(id)).status), 30_000, `run ${id} to finish`);
  return run(id);
}

async function startRun(body: Record<string, unknown> = {}): Promise<string> {
  const response = await p.call('POST', `/v1/datasets/${datasetId}/runs`, { template: 'Capital Finder', scorers: [{ type: 'json_equal' }], ...body });
  expect(response.status).toBe(202);
  return response.body.id;
}

async function sql<T>(query: string, params: unknown[] = []): Promise<T[]> {
  return p.db.orm.em.fork().getConnection().execute<T[]>(query, params);
}

beforeAll(async () => {
  // A second provider on the same fake server, rate-limited, so the throttle counts the judge's calls.
  p = await startTestPipeline({}, { moreProviders: [{ name: 'judge', supports_json_schema: true, default_model: 'judge-model', requests_per_minute: 600 }] });
  const template = await p.call('POST', '/v1/templates', {
    name: 'Capital Finder',
    user_prompt_template: 'Capital of {{ country }}?',
    provider: 'fake',
    output_schema: { type: 'object', properties: { capital: { type: 'string' } }, required: ['capital'] },
  });
  expect(template.status).toBe(201);
  const dataset = await p.call('POST', '/v1/datasets', { name: 'Capitals', template: 'Capital Finder' });
  datasetId = dataset.body.id;
  const entries = Object.entries(CAPITALS).map(([country, capital]) => ({ input_data: { country }, expected_output: { capital } }));
  expect((await p.call('POST', `/v1/datasets/${datasetId}/entries/import`, entries)).status).toBe(201);
});

afterAll(async () => {
  await p?.close();
});
beforeEach(() => p.fake.reset());

describe('cancelling, resuming and re-running runs', () => {
  it('resumes a cancelled run under the same id until every item has exactly one result', async () => {
    p.fake.setDefault(capitals({ latencyMs: 300 }));
    const runId = await startRun({ concurrency: 2 });
    await until(async () => (await run(runId)).progress.running > 0, 10_000, 'the run to start');
    const cancelled = await p.call('POST', `/v1/runs/${runId}/cancel`);
    expect(cancelled.body).toMatchObject({ status: 'cancelled' });
    expect(cancelled.body.progress.cancelled).toBeGreaterThan(0);

    // At once, while the driver may not have noticed the cancellation yet: it must drive the resumed run.
    const resumed = await p.call('POST', `/v1/runs/${runId}/resume`);
    expect(resumed.status).toBe(202);
    expect(resumed.headers.get('location')).toBe(`/v1/runs/${runId}`);
    expect(resumed.body).toMatchObject({ id: runId, finished_at: null, error_message: null, progress: { cancelled: 0 } });
    expect(['queued', 'running']).toContain(resumed.body.status);

    p.fake.setDefault(capitals());
    const finished = await waitForRun(runId);
    expect(finished).toMatchObject({ status: 'completed', progress: { total: 6, scored: 6, failed: 0, cancelled: 0 }, summary: { passed: 6 } });
    // One live execution per item; the ones cancelled with the run stay as its history.
    const [counts] = await sql<{ live: string; items: string; cancelled: string }>(
      `select count(*) filter (where status <> 'cancelled') as live,
              count(distinct (dataset_entry_id, repetition)) filter (where status <> 'cancelled') as items,
              count(*) filter (where status = 'cancelled') as cancelled
         from prompt_executions where run_id = ?`,
      [runId],
    );
    expect(counts).toMatchObject({ live: '6', items: '6' });
    expect(Number(counts?.cancelled)).toBeGreaterThan(0);
    const results = (await p.call('GET', `/v1/runs/${runId}/results?limit=100`)).body.items as { execution_id: string; status: string }[];
    const executions = await sql<{ id: string; status: string }>(`select id, status from prompt_executions where run_id = ?`, [runId]);
    const statusOf = new Map(executions.map((row) => [row.id, row.status]));
    expect(results.map((result) => statusOf.get(result.execution_id))).toEqual(Array(6).fill('succeeded'));

    const again = await p.call('POST', `/v1/runs/${runId}/resume`);
    expect(again.status).toBe(409);
    expect(again.body.error.details).toMatchObject({ status: 'completed' });
  });

  it('resumes a cancelled run whose driver has already let it go', async () => {
    p.fake.setDefault(capitals({ latencyMs: 300 }));
    const runId = await startRun({ concurrency: 2 });
    await until(async () => (await run(runId)).progress.running > 0, 10_000, 'the run to start');
    await p.call('POST', `/v1/runs/${runId}/cancel`);
    await until(async () => (await (await p.queues.evaluationRuns.getJob(runId))?.getState()) === 'completed', 10_000, 'the driver to stop');
    p.fake.setDefault(capitals());
    expect((await p.call('POST', `/v1/runs/${runId}/resume`)).status).toBe(202);
    expect(await waitForRun(runId)).toMatchObject({ status: 'completed', progress: { total: 6, scored: 6, cancelled: 0 } });
  });

  it('re-runs items that did not pass, or were cancelled, when asked to', async () => {
    p.fake.setDefault(capitals({ wrong: ['Peru'], broken: ['Japan'] }));
    const first = await waitForRun(await startRun());
    expect(first).toMatchObject({ status: 'completed', progress: { scored: 5, failed: 1 }, summary: { passed: 4 } });

    const failedOnly = await p.call('POST', `/v1/runs/${first.id}/rerun-failed`);
    expect(failedOnly.body).toMatchObject({ parent_run_id: first.id, progress: { total: 1 } });
    const notPassed = await p.call('POST', `/v1/runs/${first.id}/rerun-failed`, { include: ['not_passed'] });
    expect(notPassed.status).toBe(202);
    expect(notPassed.body.progress.total).toBe(2);
    const entriesOf = async (runId: string) =>
      ((await p.call('GET', `/v1/runs/${runId}/results?limit=100`)).body.items as { input: { country: string } }[]).map((item) => item.input.country).sort();
    expect(await entriesOf(notPassed.body.id)).toEqual(['Japan', 'Peru']);
    expect((await p.call('POST', `/v1/runs/${first.id}/rerun-failed`, { include: ['everything'] })).status).toBe(400);
    await waitForRun(failedOnly.body.id);
    await waitForRun(notPassed.body.id);

    p.fake.setDefault(capitals({ latencyMs: 400 }));
    const slow = await startRun({ concurrency: 1 });
    await until(async () => (await run(slow)).progress.running > 0, 10_000, 'the slow run to start');
    const cancelled = (await p.call('POST', `/v1/runs/${slow}/cancel`)).body;
    const cancelledCount = cancelled.progress.cancelled as number;
    expect(cancelledCount).toBeGreaterThan(0);
    expect((await p.call('POST', `/v1/runs/${slow}/rerun-failed`)).status).toBe(409);
    const withCancelled = await p.call('POST', `/v1/runs/${slow}/rerun-failed`, { include: ['cancelled'] });
    expect(withCancelled.body.progress.total).toBe(cancelledCount + cancelled.progress.failed);
    p.fake.setDefault(capitals());
    expect(await waitForRun(withCancelled.body.id)).toMatchObject({ status: 'completed', summary: { passed: cancelledCount } });
  });
});

describe('the LLM judge goes through the execution runner', () => {
  it('is throttled, retries transient failures and is asked again with the errors when its answer breaks its schema', async () => {
    await p.services.templates.create({
      name: 'Careful Judge',
      user_prompt_template: 'Rubric: {{ rubric }}\nOutput: {{ output }}',
      provider: 'judge',
      output_schema: { type: 'object', properties: { score: { type: 'number' }, reason: { type: 'string' } }, required: ['score', 'reason'] },
    });
    const judgeCalls = new Map<string, ChatRequestBody[]>();
    p.fake.setDefault({
      type: 'choose',
      pick: (body) => {
        if (!userText(body).startsWith('Rubric:')) return capitalAnswer(body);
        const output = /Output: (.*)/.exec(userText(body))?.[1] ?? '';
        const calls = [...(judgeCalls.get(output) ?? []), body];
        judgeCalls.set(output, calls);
        if (calls.length === 1) return { type: 'status', status: 503 };
        if (calls.length === 2) return { type: 'json', value: { verdict: 'looks right' } };
        return { type: 'json', value: { score: 0.9, reason: 'names the capital' } };
      },
    });
    const runId = await startRun({ scorers: [{ type: 'llm_judge', template: 'Careful Judge', rubric: 'Names the capital.', threshold: 0.7 }] });
    const finished = await waitForRun(runId);
    expect(finished).toMatchObject({ status: 'completed', summary: { passed: 6, scorers: { llm_judge: { pass_rate: 1, mean_score: 0.9 } } } });

    expect(judgeCalls.size).toBe(6);
    for (const calls of judgeCalls.values()) {
      expect(calls).toHaveLength(3);
      // The third call carries the second answer and the schema errors it broke.
      const messages = calls[2]?.messages ?? [];
      expect(messages.at(-1)?.content).toMatch(/did not match the required JSON Schema/);
      expect(messages.some((message) => message.role === 'assistant' && message.content.includes('looks right'))).toBe(true);
    }
    // The provider's shared requests-per-minute window counted every judge call.
    const keys = await p.redis.keys(`${p.config.queuePrefix}:provider-rate:judge:*`);
    const counted = (await Promise.all(keys.map((key) => p.redis.get(key)))).reduce((sum, n) => sum + Number(n), 0);
    expect(counted).toBe(18);
  });
});
