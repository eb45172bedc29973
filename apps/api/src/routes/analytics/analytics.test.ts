import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/create-test-app';
import { createTemplate, path } from '../templates/template-test-fixtures';

let t: TestApp;
const ids: Record<string, string> = {};

/** Finished executions as the workers would leave them, written straight to the table (the rollup triggers count them). */
async function finished(
  rows: {
    template: string | null;
    provider?: string;
    model?: string;
    status: string;
    failure_kind?: string;
    cost: number;
    ms: number;
    at: string;
    tokens?: [number, number];
  }[],
) {
  await t.db.orm.em
    .fork()
    .getConnection()
    .execute(
      `insert into prompt_executions (id, kind, template_id, input_context, provider, model, status, failure_kind, cost_usd, execution_time_ms,
                                      prompt_tokens, completion_tokens, executed_at, finished_at)
       select gen_random_uuid(), case when r.template_id is null then 'raw' else 'template' end::execution_kind, r.template_id, '{}', r.provider, r.model,
              r.status::execution_status, r.failure_kind::failure_kind, r.cost, r.ms, r.prompt_tokens, r.completion_tokens, r.at, r.at
         from jsonb_to_recordset(?::jsonb) as r(template_id uuid, provider text, model text, status text, failure_kind text, cost numeric, ms int,
                                                prompt_tokens int, completion_tokens int, at timestamptz)`,
      [
        JSON.stringify(
          rows.map((row) => ({
            template_id: row.template === null ? null : ids[row.template],
            provider: row.provider ?? 'openai',
            model: row.model ?? 'gpt-4o-mini',
            status: row.status,
            failure_kind: row.failure_kind ?? (row.status === 'cancelled' ? 'cancelled' : null),
            cost: row.cost,
            ms: row.ms,
            prompt_tokens: row.tokens?.[0] ?? 10,
            completion_tokens: row.tokens?.[1] ?? 5,
            at: row.at,
          })),
        ),
      ],
    );
}

beforeAll(async () => {
  t = await createTestApp();
  ids['Greeter@1'] = (await createTemplate(t, 'Greeter')).id;
  const v2 = await t.call('POST', path('Greeter@1', '/versions'), { temperature: 0.2 });
  ids['Greeter@2'] = v2.body.id;
  ids['Summariser@1'] = (await createTemplate(t, 'Summariser')).id;
  await finished([
    { template: 'Greeter@1', status: 'succeeded', cost: 0.001, ms: 100, at: '2026-03-01T10:05:00Z', tokens: [100, 20] },
    { template: 'Greeter@1', status: 'failed', failure_kind: 'validation', cost: 0.002, ms: 300, at: '2026-03-01T10:55:00Z' },
    { template: 'Greeter@2', status: 'succeeded', cost: 0.003, ms: 200, at: '2026-03-01T11:10:00Z' },
    { template: 'Greeter@2', status: 'cancelled', cost: 0, ms: 0, at: '2026-03-01T12:00:00Z' },
    { template: 'Summariser@1', provider: 'mock', model: 'mock-1', status: 'failed', failure_kind: 'provider', cost: 0, ms: 50, at: '2026-03-01T11:30:00Z' },
    { template: 'Summariser@1', provider: 'mock', model: 'mock-1', status: 'failed', failure_kind: 'timeout', cost: 0, ms: 5000, at: '2026-03-01T11:31:00Z' },
    { template: null, status: 'succeeded', cost: 0.5, ms: 1000, at: '2026-03-01T10:30:00Z' },
    // Outside the range asked for below.
    { template: 'Greeter@1', status: 'succeeded', cost: 9, ms: 100, at: '2026-02-20T10:00:00Z' },
  ]);
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const RANGE = 'from=2026-03-01T10:00:00Z&to=2026-03-01T13:00:00Z';

describe('GET /v1/analytics/series', () => {
  it('charts every execution in hour buckets, empty ones included, with totals', async () => {
    const { status, body } = await t.call('GET', `/v1/analytics/series?${RANGE}&bucket=hour`);
    expect(status).toBe(200);
    expect(body.scope).toEqual({ template: null, version: null, provider: null, model: null });
    expect(body.versions).toBeNull();
    expect(body.series.map((point: { bucket_start: string; executions: number }) => [point.bucket_start, point.executions])).toEqual([
      ['2026-03-01T10:00:00.000Z', 3],
      ['2026-03-01T11:00:00.000Z', 3],
      ['2026-03-01T12:00:00.000Z', 1],
    ]);
    expect(body.totals).toMatchObject({
      executions: 7,
      succeeded: 3,
      failed: 3,
      cancelled: 1,
      failures: { render: 0, validation: 1, provider: 1, timeout: 1 },
      success_rate: 0.5,
      prompt_tokens: 160,
      completion_tokens: 50,
      cost_usd: 0.506,
    });
    expect(body.totals.cost_per_success_usd).toBeCloseTo(0.506 / 3, 10);
    expect(body.totals.latency_ms.mean).toBeCloseTo((100 + 300 + 200 + 0 + 50 + 5000 + 1000) / 7, 10);
    // The median of 0, 50, 100, 200, 300, 1000, 5000 ms is 200 ms; its bucket is about 31 % wide.
    expect(body.totals.latency_ms.p50).toBeGreaterThan(200 / 1.32);
    expect(body.totals.latency_ms.p50).toBeLessThan(200 * 1.32);
    expect(body.series[2].latency_ms).toEqual({ p50: 0.5, p95: 0.95, p99: 0.99, mean: 0 });
  });

  it('widens the range to whole days for day buckets', async () => {
    const { body } = await t.call('GET', '/v1/analytics/series?from=2026-03-01T10:00:00Z&to=2026-03-01T13:00:00Z&bucket=day');
    expect(body).toMatchObject({ bucket: 'day', from: '2026-03-01T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z' });
    expect(body.series).toHaveLength(1);
    expect(body.series[0].executions).toBe(7);
  });

  it('scopes to a template with a per-version breakdown, to one version, to a provider and to a model', async () => {
    const template = await t.call('GET', `/v1/analytics/series?${RANGE}&template=Greeter`);
    expect(template.status).toBe(200);
    expect(template.body.totals).toMatchObject({ executions: 4, succeeded: 2, failed: 1, cancelled: 1 });
    expect(template.body.versions.map((v: { version: number; executions: number; cost_usd: number }) => [v.version, v.executions, v.cost_usd])).toEqual([
      [2, 2, 0.003],
      [1, 2, 0.003],
    ]);

    const version = await t.call('GET', `/v1/analytics/series?${RANGE}&template=Greeter&version=1`);
    expect(version.body).toMatchObject({ scope: { template: 'Greeter', version: 1 }, versions: null, totals: { executions: 2, success_rate: 0.5 } });

    const provider = await t.call('GET', `/v1/analytics/series?${RANGE}&provider=mock`);
    expect(provider.body.totals).toMatchObject({ executions: 2, failed: 2, success_rate: 0, cost_per_success_usd: null });

    const model = await t.call('GET', `/v1/analytics/series?${RANGE}&model=gpt-4o-mini`);
    expect(model.body.totals.executions).toBe(5);
  });

  it('answers 400 for a reversed range, too many buckets, a version without a template, unknown or bad parameters; 404 for an unknown template', async () => {
    const cases: [string, number, string][] = [
      ['from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z', 400, 'from'],
      ['from=2026-03-01T00:00:00Z&to=2026-03-01T00:00:00Z', 400, 'from'],
      ['from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z&bucket=hour', 400, 'buckets'],
      ['version=1', 400, 'template'],
      ['bucket=week', 400, 'bucket'],
      ['from=yesterday', 400, 'from'],
      ['templates=Greeter', 400, 'templates'],
      ['template=Greeter&version=0', 400, 'version'],
      ['template=Nope', 404, 'Nope'],
      ['template=Greeter&version=9', 404, 'Greeter@9'],
    ];
    for (const [query, status, mentioned] of cases) {
      const response = await t.call('GET', `/v1/analytics/series?${query}`);
      expect(response.status, query).toBe(status);
      expect(JSON.stringify(response.body.error), query).toContain(mentioned);
    }
    // The same range is fine in days.
    expect((await t.call('GET', '/v1/analytics/series?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z&bucket=day')).status).toBe(200);
  });
});

describe('GET /v1/analytics/top', () => {
  it('ranks template names by cost and by failures, leaving out raw executions and templates without failures', async () => {
    const byCost = await t.call('GET', `/v1/analytics/top?by=cost&${RANGE}`);
    expect(byCost.status).toBe(200);
    expect(byCost.body.items.map((item: { template_name: string; cost_usd: number }) => [item.template_name, item.cost_usd])).toEqual([
      ['Greeter', 0.006],
      ['Summariser', 0],
    ]);
    const byFailures = await t.call('GET', `/v1/analytics/top?by=failures&${RANGE}&limit=1`);
    expect(byFailures.body.items).toEqual([{ template_name: 'Summariser', executions: 2, succeeded: 0, failed: 2, success_rate: 0, cost_usd: 0 }]);
    const wide = await t.call('GET', '/v1/analytics/top?by=cost&from=2025-01-01T00:00:00Z&to=2026-12-01T00:00:00Z');
    expect(wide.body.items[0]).toMatchObject({ template_name: 'Greeter', cost_usd: 9.006 });
  });

  it('answers 400 without `by`, with a bad limit or a reversed range', async () => {
    for (const query of ['', 'by=tokens', 'by=cost&limit=0', 'by=cost&limit=51', 'by=cost&from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z']) {
      expect((await t.call('GET', `/v1/analytics/top?${query}`)).status, query).toBe(400);
    }
  });

  it('is described in the OpenAPI document', async () => {
    const { body } = await t.call('GET', '/openapi.json');
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/v1/analytics/series', '/v1/analytics/top']));
  });
});
