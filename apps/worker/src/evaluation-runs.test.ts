import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChatRequestBody, FakeBehaviour } from '@promptops/providers/testing';
import { startTestPipeline, type TestPipeline } from './testing/start-test-pipeline';
import { until } from './testing/until';

const CAPITALS: Record<string, string> = {
  France: 'Paris',
  Japan: 'Tokyo',
  Peru: 'Lima',
  Kenya: 'Nairobi',
  Canada: 'Ottawa',
  Chile: 'Santiago',
  Egypt: 'Cairo',
  Norway: 'Oslo',
};

let p: TestPipeline;
let datasetId: string;

const userText = (body: ChatRequestBody) => body.messages?.find((m) => m.role === 'user')?.content ?? '';
const countryIn = (body: ChatRequestBody) => /Capital of (\w+)\?/.exec(userText(body))?.[1] ?? '';

/** Answers every capital right, except for the countries in `wrong`; fails those in `broken` with a 400. */
function capitalsProvider(options: { wrong?: string[]; broken?: string[]; latencyMs?: number } = {}): FakeBehaviour {
  return {
    type: 'choose',
    pick: (body) => {
      const country = countryIn(body);
      if (options.broken?.includes(country)) return { type: 'status', status: 400 };
      const capital = options.wrong?.includes(country) ? 'Springfield' : CAPITALS[country];
      return { type: 'json', value: { capital }, latencyMs: options.latencyMs ?? 0, usage: { prompt_tokens: 20, completion_tokens: 5 } };
    },
  };
}

async function waitForRun(id: string, timeoutMs = 20_000): Promise<any> {
  let run: any;
  await until(
    async () => {
      run = (await p.call('GET', `/v1/runs/${id}`)).body;
      return ['completed', 'failed', 'cancelled'].includes(run.status);
    },
    timeoutMs,
    `run ${id}`,
  );
  return run;
}

async function sql<T>(query: string, params: unknown[] = []): Promise<T[]> {
  return p.db.orm.em.fork().getConnection().execute<T[]>(query, params);
}

async function startRun(body: Record<string, unknown>, headers?: Record<string, string>, dataset = datasetId) {
  const response = await p.call('POST', `/v1/datasets/${dataset}/runs`, body, headers);
  if (response.status !== 202 && response.status !== 200) throw new Error(`run submission answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response;
}

beforeAll(async () => {
  p = await startTestPipeline();
  const template = await p.call('POST', '/v1/templates', {
    name: 'Capital Finder',
    system_prompt: 'Answer with the capital city.',
    user_prompt_template: 'Capital of {{ country }}?',
    provider: 'fake',
    input_schema: { type: 'object', properties: { country: { type: 'string' } }, required: ['country'] },
    output_schema: { type: 'object', properties: { capital: { type: 'string' } }, required: ['capital'] },
  });
  expect(template.status).toBe(201);
  const dataset = await p.call('POST', '/v1/datasets', { name: 'Capitals', template: 'Capital Finder' });
  datasetId = dataset.body.id;
  const entries = Object.entries(CAPITALS).map(([country, capital], i) => ({
    input_data: { country },
    expected_output: { capital },
    tags: i % 2 === 0 ? ['even'] : ['odd'],
  }));
  const imported = await p.call('POST', `/v1/datasets/${datasetId}/entries/import`, entries);
  expect(imported.status).toBe(201);
});

afterAll(async () => {
  await p?.close();
});

beforeEach(() => p.fake.reset());

describe('evaluation runs', () => {
  it('executes every entry, scores it, and aggregates a summary with per-item results', async () => {
    p.fake.setDefault(capitalsProvider({ wrong: ['Peru', 'Chile'] }));
    const submitted = await startRun({
      template: 'Capital Finder',
      concurrency: 3,
      scorers: [
        { type: 'exact_match', field: 'capital', ignore_case: true },
        { type: 'json_equal' },
        { type: 'similarity', metric: 'levenshtein', field: 'capital', threshold: 0.5 },
      ],
    });
    expect(submitted.status).toBe(202);
    expect(submitted.headers.get('location')).toBe(`/v1/runs/${submitted.body.id}`);
    expect(submitted.body).toMatchObject({ concurrency: 3, progress: { total: 8 } });
    // A worker may take the run before the answer is written.
    expect(['queued', 'running']).toContain(submitted.body.status);

    const run = await waitForRun(submitted.body.id);
    expect(run).toMatchObject({
      status: 'completed',
      template_ref: 'Capital Finder',
      provider: 'fake',
      progress: { total: 8, done: 8, scored: 8, failed: 0, pending: 0, running: 0 },
      summary: { finished: 8, scored: 8, passed: 6, pass_rate: 0.75, tokens: { total: 200 } },
    });
    expect(run.summary.scorers.exact_match).toEqual({ mean_score: 0.75, pass_rate: 0.75 });
    expect(run.summary.scorers.json_equal).toEqual({ mean_score: 0.75, pass_rate: 0.75 });
    expect(run.summary.latency_ms.p50).toBeGreaterThanOrEqual(0);
    expect(run.summary.cost_usd).toBeGreaterThan(0);

    const results = await p.call('GET', `/v1/runs/${run.id}/results?limit=100`);
    expect(results.body.total).toBe(8);
    const peru = results.body.items.find((item: any) => item.input.country === 'Peru');
    expect(peru).toMatchObject({ status: 'scored', passed: false, expected_output: { capital: 'Lima' }, output: { capital: 'Springfield' } });
    expect(peru.scores.find((s: any) => s.scorer === 'exact_match')).toMatchObject({ score: 0, passed: false, reason: expect.stringContaining('Lima') });
    const failing = await p.call('GET', `/v1/runs/${run.id}/results?passed=false`);
    expect(failing.body.items.map((item: any) => item.input.country).sort()).toEqual(['Chile', 'Peru']);

    // Every execution is linked to its entry and to the run, exactly one per item.
    const executions = await sql<{ n: string; entries: string }>(
      `select count(*) as n, count(distinct dataset_entry_id) as entries from prompt_executions where run_id = ? and status = 'succeeded'`,
      [run.id],
    );
    expect(executions[0]).toEqual({ n: '8', entries: '8' });
    const listed = await p.call('GET', `/v1/executions?run_id=${run.id}`);
    expect(listed.body.total).toBe(8);
  });

  it('never exceeds the run concurrency and honours tags and repetitions', async () => {
    p.fake.setDefault(capitalsProvider({ latencyMs: 60 }));
    const submitted = await startRun({ template: 'Capital Finder', concurrency: 2, repetitions: 3, tags: ['even'], scorers: [{ type: 'json_equal' }] });
    const run = await waitForRun(submitted.body.id);
    expect(run).toMatchObject({ status: 'completed', repetitions: 3, tags: ['even'], progress: { total: 12, scored: 12 } });
    // Each result records when its item really started and finished; at no instant may more than
    // `concurrency` overlap, even though the driver claims a few items ahead.
    const spans = await sql<{ started_at: Date; finished_at: Date }>(`select started_at, finished_at from evaluation_results where run_id = ?`, [run.id]);
    const events = spans.flatMap((span) => [
      { at: new Date(span.started_at).getTime(), delta: 1 },
      { at: new Date(span.finished_at).getTime(), delta: -1 },
    ]);
    events.sort((a, b) => a.at - b.at || a.delta - b.delta);
    let inFlight = 0;
    let peak = 0;
    for (const event of events) {
      inFlight += event.delta;
      peak = Math.max(peak, inFlight);
    }
    expect(peak).toBe(2);
    const pairs = await sql<{ n: string }>(`select count(distinct (dataset_entry_id, repetition)) as n from evaluation_results where run_id = ?`, [run.id]);
    expect(pairs[0]?.n).toBe('12');
  });

  it('returns the same run for a repeated Idempotency-Key and creates nothing more', async () => {
    p.fake.setDefault(capitalsProvider());
    const body = { template: 'Capital Finder', scorers: [{ type: 'json_equal' }] };
    const first = await startRun(body, { 'idempotency-key': 'eval-once' });
    const again = await startRun(body, { 'idempotency-key': 'eval-once' });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    await waitForRun(first.body.id);
    const counted = await sql<{ n: string }>(`select count(*) as n from evaluation_runs where idempotency_key = 'eval-once'`);
    expect(counted[0]?.n).toBe('1');
  });

  it('records items whose provider call fails as failed, and re-runs only those', async () => {
    p.fake.setDefault(capitalsProvider({ broken: ['Japan', 'Egypt'] }));
    const first = await waitForRun((await startRun({ template: 'Capital Finder', scorers: [{ type: 'json_equal' }] })).body.id);
    expect(first).toMatchObject({ status: 'completed', progress: { scored: 6, failed: 2 }, summary: { passed: 6, pass_rate: 0.75 } });
    const failed = await p.call('GET', `/v1/runs/${first.id}/results?status=failed`);
    expect(failed.body.items.map((item: any) => item.input.country).sort()).toEqual(['Egypt', 'Japan']);
    expect(failed.body.items[0].error_message).toMatch(/^provider: /);

    p.fake.setDefault(capitalsProvider());
    const rerun = await p.call('POST', `/v1/runs/${first.id}/rerun-failed`);
    expect(rerun.status).toBe(202);
    expect(rerun.body).toMatchObject({ parent_run_id: first.id, progress: { total: 2 } });
    const child = await waitForRun(rerun.body.id);
    expect(child).toMatchObject({ status: 'completed', summary: { passed: 2, pass_rate: 1 } });
    const conflict = await p.call('POST', `/v1/runs/${child.id}/rerun-failed`);
    expect(conflict.status).toBe(409);
  });

  it("retries an item's transient provider failures inside the run and keeps their attempt log", async () => {
    const base = capitalsProvider();
    const calls = new Map<string, number>();
    p.fake.setDefault({
      type: 'choose',
      pick: (body) => {
        const country = countryIn(body);
        const call = (calls.get(country) ?? 0) + 1;
        calls.set(country, call);
        if (country === 'Japan' && call === 1) return { type: 'status', status: 503 };
        if (country === 'Japan' && call === 2) return { type: 'status', status: 429, retryAfterMs: '50' };
        return base.type === 'choose' ? base.pick(body) : { type: 'default' };
      },
    });
    const run = await waitForRun((await startRun({ template: 'Capital Finder', scorers: [{ type: 'json_equal' }] })).body.id);
    expect(run).toMatchObject({ status: 'completed', progress: { scored: 8, failed: 0 } });
    expect(calls.get('Japan')).toBe(3);
    const [japan] = await sql<{ attempts: number; outcomes: string[] }>(
      `select e.attempts, array(select a->>'outcome' from jsonb_array_elements(e.attempt_log) a) as outcomes
         from prompt_executions e join prompt_dataset_entries d on d.id = e.dataset_entry_id
        where e.run_id = ? and d.input_data->>'country' = 'Japan'`,
      [run.id],
    );
    expect(japan).toEqual({ attempts: 3, outcomes: ['provider_error', 'provider_error', 'succeeded'] });
  });

  it('cancels a running run and its unfinished executions', async () => {
    p.fake.setDefault(capitalsProvider({ latencyMs: 400 }));
    const submitted = await startRun({ template: 'Capital Finder', concurrency: 2, scorers: [{ type: 'json_equal' }] });
    await until(async () => (await p.call('GET', `/v1/runs/${submitted.body.id}`)).body.progress.running > 0, 10_000, 'run to start');
    const cancelled = await p.call('POST', `/v1/runs/${submitted.body.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(cancelled.body.progress.pending).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 800));
    const after = (await p.call('GET', `/v1/runs/${submitted.body.id}`)).body;
    expect(after.status).toBe('cancelled');
    expect(after.progress.running).toBe(0);
    const unfinished = await sql<{ n: string }>(`select count(*) as n from prompt_executions where run_id = ? and status in ('queued', 'running')`, [after.id]);
    expect(unfinished[0]?.n).toBe('0');
    // Cancelling again answers like cancelling a finished execution: 200 with the record unchanged.
    const again = await p.call('POST', `/v1/runs/${after.id}/cancel`);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'cancelled', finished_at: after.finished_at });
  });

  it('compares two template versions with a significance test', async () => {
    // Version 2 asks differently; the fake answers it correctly and version 1 wrongly on most entries.
    const v2 = await p.call('POST', '/v1/templates/Capital%20Finder@1/versions', { user_prompt_template: 'Capital of {{ country }}? Be precise.' });
    expect(v2.status).toBe(201);
    p.fake.setDefault({
      type: 'choose',
      pick: (body) => {
        const precise = userText(body).includes('Be precise');
        const country = countryIn(body);
        return { type: 'json', value: { capital: precise || country === 'France' ? CAPITALS[country] : 'Springfield' } };
      },
    });
    const scorers = [{ type: 'exact_match', field: 'capital' }];
    const base = await waitForRun((await startRun({ template: 'Capital Finder@1', scorers })).body.id);
    const candidate = await waitForRun((await startRun({ template: 'Capital Finder@2', scorers })).body.id);
    const comparison = await p.call('GET', `/v1/runs/compare?base=${base.id}&candidate=${candidate.id}`);
    expect(comparison.status).toBe(200);
    expect(comparison.body).toMatchObject({
      pairs: 8,
      counts: { improved: 7, regressed: 0, unchanged: 1 },
      base: { pass_rate: 0.125 },
      candidate: { pass_rate: 1 },
      deltas: { pass_rate: 0.875 },
      mcnemar: { b: 0, c: 7 },
      verdict: 'better',
    });
    // Two-sided exact binomial: 2 · (1/2)^7.
    expect(comparison.body.mcnemar.p_value).toBeCloseTo(0.015625, 12);
    expect(comparison.body.bootstrap.lower).toBeGreaterThan(0);
    const reversed = await p.call('GET', `/v1/runs/compare?base=${candidate.id}&candidate=${base.id}`);
    expect(reversed.body.verdict).toBe('worse');
    const listed = await p.call('GET', `/v1/datasets/${datasetId}/runs?limit=2`);
    expect(listed.body.items.map((run: any) => run.id)).toEqual([candidate.id, base.id]);
  });

  it('scores with an LLM judge template through a provider', async () => {
    await p.services.templates.create({
      name: 'Strict Judge',
      user_prompt_template: 'Rubric: {{ rubric }}\nOutput: {{ output }}\nExpected: {{ expected }}',
      provider: 'fake',
      output_schema: { type: 'object', properties: { score: { type: 'number' }, reason: { type: 'string' } }, required: ['score', 'reason'] },
    });
    p.fake.setDefault({
      type: 'choose',
      pick: (body) => {
        const text = userText(body);
        if (text.startsWith('Rubric:')) {
          const correct = /Output: \{"capital":"(\w+)"\}\nExpected: \{"capital":"\1"\}/.test(text);
          return { type: 'json', value: { score: correct ? 0.9 : 0.1, reason: correct ? 'matches the reference' : 'wrong city' } };
        }
        const country = countryIn(body);
        return { type: 'json', value: { capital: country === 'Kenya' ? 'Mombasa' : CAPITALS[country] } };
      },
    });
    const run = await waitForRun(
      (
        await startRun({
          template: 'Capital Finder@1',
          scorers: [{ type: 'llm_judge', template: 'Strict Judge', rubric: 'Names the right capital.', threshold: 0.7 }],
        })
      ).body.id,
    );
    expect(run).toMatchObject({ status: 'completed', summary: { passed: 7, scorers: { llm_judge: { pass_rate: 0.875 } } } });
    const kenya = (await p.call('GET', `/v1/runs/${run.id}/results?passed=false`)).body.items[0];
    expect(kenya.scores[0]).toMatchObject({ score: 0.1, passed: false, reason: 'wrong city' });
  });

  it('rejects bad run requests with 4xx and writes nothing', async () => {
    const before = await sql<{ n: string }>(`select count(*) as n from evaluation_runs`);
    const cases: [unknown, number, string][] = [
      [{ template: 'Capital Finder', scorers: [] }, 400, 'invalid_request'],
      [{ template: 'Capital Finder', scorers: [{ type: 'regex', pattern: '(' }] }, 400, 'invalid_request'],
      [{ template: 'Capital Finder', scorers: [{ type: 'numeric' }] }, 400, 'invalid_request'],
      [{ template: 'Capital Finder', scorers: [{ type: 'exact_match' }, { type: 'exact_match' }] }, 400, 'invalid_request'],
      [{ template: 'Capital Finder', scorers: [{ type: 'exact_match', surprise: 1 }] }, 400, 'invalid_request'],
      [{ template: 'No Such Template', scorers: [{ type: 'json_equal' }] }, 404, 'not_found'],
      [{ template: 'Capital Finder', scorers: [{ type: 'json_equal' }], tags: ['none-match'] }, 400, 'invalid_request'],
      [{ template: 'Capital Finder', scorers: [{ type: 'json_equal' }], concurrency: 0 }, 400, 'invalid_request'],
      [{ template: 'Capital Finder', scorers: [{ type: 'llm_judge', rubric: 'x', template: 'Missing Judge' }] }, 400, 'invalid_request'],
    ];
    for (const [body, status, type] of cases) {
      const response = await p.call('POST', `/v1/datasets/${datasetId}/runs`, body);
      expect({ body, status: response.status, type: response.body.error?.type }).toEqual({ body, status, type });
    }
    expect((await p.call('POST', `/v1/datasets/${crypto.randomUUID()}/runs`, { template: 'Capital Finder', scorers: [{ type: 'json_equal' }] })).status).toBe(
      404,
    );
    expect((await p.call('GET', `/v1/runs/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await p.call('GET', '/v1/runs/not-a-uuid')).status).toBe(400);
    expect((await p.call('GET', `/v1/runs/compare?base=${crypto.randomUUID()}`)).status).toBe(400);
    expect(await sql<{ n: string }>(`select count(*) as n from evaluation_runs`)).toEqual(before);
  });
});
