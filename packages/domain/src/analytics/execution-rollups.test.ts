import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrm,
  createTestDatabase,
  LATENCY_BOUNDARIES_MS,
  latencyBucketSumsSql,
  ROLLUP_COUNTERS,
  queryPrepared,
  ROLLUPS,
  type FailureKind,
  type Orm,
  type RollupName,
  type TestDatabase,
} from '@promptops/db';
import { ExecutionLifecycle } from '../executions/lifecycle';
import { FINISH_SQL, type FinishedExecution } from '../executions/lifecycle/execution-sql';
import { AnalyticsService } from './analytics-service';

/**
 * The rollups against the raw rows, after 2,000 executions were ended by 8 workers on connections
 * of their own (batched finishes of 1 to 50 rows, single finishes), a canceller racing some of
 * their finishes, and the reconciler abandoning others; with repeated finishes and cancels of rows
 * already ended, which must count nothing.
 */

const WORKERS = 8;
const EXECUTIONS = 2000;
const TERMINAL = `('succeeded', 'failed', 'cancelled')`;

let db: TestDatabase;
const workerOrms: Orm[] = [];

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(20261207);
const pick = <T>(values: readonly T[]): T => values[Math.floor(rand() * values.length)] as T;

type Plan = 'batch' | 'single' | 'cancel' | 'abandon' | 'race';
interface Planned {
  id: string;
  plan: Plan;
  template_id: string | null;
  provider: string;
  model: string;
  result: FinishedExecution;
}

const sql = <T>(query: string, params: unknown[] = []) => db.orm.em.fork().getConnection().execute<T[]>(query, params);

const TEMPLATES = [
  { id: crypto.randomUUID(), name: 'Alpha', version: 1 },
  { id: crypto.randomUUID(), name: 'Alpha', version: 2 },
  { id: crypto.randomUUID(), name: 'Beta', version: 1 },
];
const TARGETS = [
  { provider: 'openai', model: 'gpt-4o-mini' },
  { provider: 'openai', model: 'gpt-4o' },
  { provider: 'mock', model: 'mock-1' },
];

function plan(index: number): Planned {
  const id = crypto.randomUUID();
  const template = index % 7 === 0 ? null : pick(TEMPLATES);
  const target = pick(TARGETS);
  const roll = rand();
  const planKind: Plan = roll < 0.55 ? 'batch' : roll < 0.75 ? 'single' : roll < 0.85 ? 'cancel' : roll < 0.92 ? 'abandon' : 'race';
  const succeeded = rand() < 0.8;
  const failureKind: FailureKind = pick(['render', 'validation', 'provider', 'timeout']);
  // Log-normal-ish latencies from about 2 ms to about a minute, so they fill many buckets.
  const latency = Math.round(Math.exp(1 + rand() * 10));
  return {
    id,
    plan: planKind,
    template_id: template?.id ?? null,
    ...target,
    result: {
      execution_id: id,
      status: succeeded ? 'succeeded' : 'failed',
      failure_kind: succeeded ? null : failureKind,
      error_message: succeeded ? null : 'planned failure',
      rendered_system_prompt: null,
      rendered_user_prompt: 'Hello',
      response_text: succeeded ? 'Hi' : null,
      parsed_output: null,
      prompt_tokens: Math.floor(rand() * 2000),
      completion_tokens: Math.floor(rand() * 800),
      cost_usd: rand() < 0.1 ? null : Math.round(rand() * 1e6) / 1e8,
      execution_time_ms: latency,
      attempt_log: [],
      // Spread over the last six hours, so rows land in several hourly rollups.
      finished_at: new Date(Date.now() - Math.floor(rand() * 6 * 3_600_000)).toISOString(),
    },
  };
}

const planned = Array.from({ length: EXECUTIONS }, (_, i) => plan(i));

beforeAll(async () => {
  db = await createTestDatabase();
  await sql(`insert into prompt_template_names (name, created_at, updated_at) values ('Alpha', now(), now()), ('Beta', now(), now())`);
  for (const template of TEMPLATES) {
    await sql(`insert into prompt_templates (id, name, user_prompt_template, version_number, created_at, updated_at) values (?, ?, 'Hi', ?, now(), now())`, [
      template.id,
      template.name,
      template.version,
    ]);
  }
  const rows = planned.map((p) => ({ id: p.id, template_id: p.template_id, kind: p.template_id ? 'template' : 'raw', provider: p.provider, model: p.model }));
  await sql(
    `insert into prompt_executions (id, kind, template_id, input_context, provider, model, executed_at)
     select r.id, r.kind, r.template_id, '{}', r.provider, r.model, now() - interval '7 hours'
       from jsonb_to_recordset(?::jsonb) as r(id uuid, kind execution_kind, template_id uuid, provider text, model text)`,
    [JSON.stringify(rows)],
  );
  for (let i = 0; i < WORKERS + 1; i += 1) workerOrms.push(await createOrm(db.databaseUrl, { poolMax: 2 }));
}, 60_000);

afterAll(async () => {
  await Promise.all(workerOrms.map((orm) => orm.close(true)));
  await db?.drop();
});

/** One worker: claims its rows, ends them as planned, then repeats some endings, which must change nothing. */
async function work(index: number, mine: Planned[]): Promise<void> {
  const orm = workerOrms[index] as Orm;
  const worker = `worker-${index}`;
  const lifecycle = new ExecutionLifecycle(() => orm.em.fork(), 60_000);
  const finished: FinishedExecution[][] = [];
  let batch: FinishedExecution[] = [];
  // A batch holds one template's executions, as the run driver's do (a run runs one template).
  let batchTemplate: string | null = null;
  let batchSize = 1 + Math.floor(rand() * 50);
  const flush = async () => {
    if (batch.length === 0) return;
    await queryPrepared(orm.em.fork(), 'execution_finish', FINISH_SQL, [JSON.stringify(batch), worker]);
    finished.push(batch);
    batch = [];
    batchSize = 1 + Math.floor(rand() * 50);
  };
  for (const item of mine) {
    if (item.plan === 'abandon') {
      await lifecycle.abandon(item.id);
      continue;
    }
    if (item.plan === 'cancel') {
      if (rand() < 0.5) await lifecycle.claim(item.id, worker);
      await lifecycle.cancel(item.id, 'planned cancel');
      continue;
    }
    await lifecycle.claim(item.id, worker);
    if (item.plan === 'single') {
      await lifecycle.finish({ id: item.id, template_id: item.template_id }, worker, item.result);
      finished.push([item.result]);
      continue;
    }
    if (batch.length > 0 && batchTemplate !== item.template_id) await flush();
    batchTemplate = item.template_id;
    batch.push(item.result);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  // The same results again (a retried round trip), and cancels of rows that already ended.
  for (const again of finished.filter((_, i) => i % 3 === 0)) {
    await queryPrepared(orm.em.fork(), 'execution_finish', FINISH_SQL, [JSON.stringify(again), worker]);
  }
  for (const item of mine.filter((_, i) => i % 11 === 0)) await lifecycle.cancel(item.id, 'late cancel');
  for (const item of mine.filter((_, i) => i % 13 === 0)) await lifecycle.abandon(item.id);
}

/** Cancels the rows planned as races while their workers claim and finish them. */
async function cancelRaces(): Promise<void> {
  const lifecycle = new ExecutionLifecycle(() => (workerOrms[WORKERS] as Orm).em.fork(), 60_000);
  for (const item of planned.filter((p) => p.plan === 'race')) await lifecycle.cancel(item.id, 'racing cancel');
}

/** Which bucket a latency falls in, worked out here independently of the SQL that files it. */
function bucketOf(ms: number): number {
  const index = LATENCY_BOUNDARIES_MS.findIndex((boundary) => ms < boundary);
  return index === -1 ? LATENCY_BOUNDARIES_MS.length : index;
}

function bucketWidth(ms: number): number {
  const i = bucketOf(ms);
  const lower = i === 0 ? 0 : (LATENCY_BOUNDARIES_MS[i - 1] ?? 0);
  return (LATENCY_BOUNDARIES_MS[i] ?? lower) - lower;
}

/** Expects one rollup to hold exactly what the raw rows add up to, histograms included. */
async function expectRollupsMatchRawRows(name: RollupName, minimumRows: number): Promise<void> {
  const { table, grain, perTemplate } = ROLLUPS[name];
  const template = perTemplate ? [`coalesce(t.name, '')`, 'coalesce(t.version_number, 0)'] : [`''`, '0'];
  const key = [`date_trunc('${grain}', coalesce(e.finished_at, e.executed_at), 'UTC')`, ...template, 'e.provider', 'e.model'];
  const expected = await sql<Record<string, string>>(
    `select ${key.map((expression, i) => `(${expression})::text as k${i}`).join(', ')},
            count(*)::text as executions,
            count(*) filter (where e.status = 'succeeded')::text as succeeded,
            count(*) filter (where e.status = 'failed')::text as failed,
            count(*) filter (where e.status = 'cancelled')::text as cancelled,
            count(*) filter (where e.status = 'failed' and e.failure_kind = 'render')::text as failed_render,
            count(*) filter (where e.status = 'failed' and e.failure_kind = 'validation')::text as failed_validation,
            count(*) filter (where e.status = 'failed' and e.failure_kind = 'provider')::text as failed_provider,
            count(*) filter (where e.status = 'failed' and e.failure_kind = 'timeout')::text as failed_timeout,
            coalesce(sum(e.prompt_tokens), 0)::text as prompt_tokens,
            coalesce(sum(e.completion_tokens), 0)::text as completion_tokens,
            coalesce(sum(e.cost_usd), 0)::numeric(20, 8)::text as cost_usd,
            coalesce(sum(e.cost_usd) filter (where e.status = 'succeeded'), 0)::numeric(20, 8)::text as succeeded_cost_usd,
            count(e.execution_time_ms)::text as latency_count,
            coalesce(sum(e.execution_time_ms), 0)::text as latency_sum_ms,
            coalesce(json_agg(e.execution_time_ms) filter (where e.execution_time_ms is not null), '[]')::text as latencies
       from prompt_executions e left join prompt_templates t on t.id = e.template_id
      where e.status in ${TERMINAL}
      group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
  );
  // A key's rows are its shards, one per connection that added to it (pg_backend_pid() % 8): summed, as readers do.
  const counters = ROLLUP_COUNTERS.map((column) => `sum(${column})::text as ${column}`).join(', ');
  const actual = await sql<Record<string, string>>(
    `select bucket_start::text as k0, template_name as k1, template_version::text as k2, provider as k3, model as k4, ${counters},
            ${latencyBucketSumsSql()} as latency_buckets
       from ${table} group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
  );
  expect(expected.length, name).toBeGreaterThanOrEqual(minimumRows);
  expect(actual.map(({ latency_buckets, ...rest }) => rest)).toEqual(expected.map(({ latencies, ...rest }) => rest));
  const histograms = expected.map(({ latencies }) => {
    const counts = new Array<number>(LATENCY_BOUNDARIES_MS.length + 1).fill(0);
    for (const ms of JSON.parse(latencies ?? '[]') as number[]) counts[bucketOf(ms)] = (counts[bucketOf(ms)] ?? 0) + 1;
    return counts;
  });
  expect(actual.map((row) => (row.latency_buckets as unknown as string[]).map(Number))).toEqual(histograms);
}

describe('execution_rollups', () => {
  it('match the raw rows exactly, per hour, per day and per hour of all templates, after many concurrent finishes, cancels, abandons and compactions', async () => {
    // Compaction folds the past hours' shards over and over while the workers add to them.
    const analytics = new AnalyticsService({ orm: db.orm });
    let finishing = true;
    let folded = 0;
    const compacting = (async () => {
      while (finishing) folded += await analytics.compactRollups();
    })();
    // Settled, not Promise.all: a failing worker must not leave the others writing under the next tests.
    const outcomes = await Promise.allSettled([
      ...Array.from({ length: WORKERS }, (_, index) =>
        work(
          index,
          planned.filter((_, i) => i % WORKERS === index),
        ),
      ),
      cancelRaces(),
    ]);
    finishing = false;
    await compacting;
    for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason;

    const [live] = await sql<{ n: number }>(`select count(*)::int as n from prompt_executions where status not in ${TERMINAL}`);
    expect(live?.n).toBe(0);
    await expectRollupsMatchRawRows('hour', 20);
    await expectRollupsMatchRawRows('day', 4);
    await expectRollupsMatchRawRows('hourByTarget', 10);
    // The workers' connections added to shards of their own (today's are not compacted yet), so those sums were over several rows a key.
    const [shards] = await sql<{ used: number; lowest: number; highest: number }>(
      'select count(distinct shard)::int as used, min(shard)::int as lowest, max(shard)::int as highest from execution_rollups_daily',
    );
    expect(shards?.used).toBeGreaterThan(1);
    expect([shards?.lowest, shards?.highest].every((shard) => shard !== undefined && shard >= 0 && shard < 8)).toBe(true);

    // Once compacted, every bucket before the current one is a single row per key, with the same sums.
    const [cutoff] = await sql<{ hour: Date; day: Date }>(`select date_trunc('hour', now(), 'UTC') as hour, date_trunc('day', now(), 'UTC') as day`);
    folded += await analytics.compactRollups();
    expect(folded).toBeGreaterThan(0);
    await expectRollupsMatchRawRows('hour', 20);
    await expectRollupsMatchRawRows('day', 4);
    await expectRollupsMatchRawRows('hourByTarget', 10);
    const [spread] = await sql<{ rows: number }>(
      `select (select count(*) from execution_rollups where shard <> 0 and bucket_start < ?)
            + (select count(*) from execution_rollups_hourly_by_target where shard <> 0 and bucket_start < ?)
            + (select count(*) from execution_rollups_daily where shard <> 0 and bucket_start < ?) as rows`,
      [cutoff?.hour, cutoff?.hour, cutoff?.day],
    );
    expect(Number(spread?.rows)).toBe(0);

    // Each kind of ending happened, concurrently, so the comparison above covered them all.
    const [kinds] = await sql<{ finished: number; cancelled: number; abandoned: number }>(
      `select count(*) filter (where status in ('succeeded', 'failed') and error_message is distinct from 'planned failure; gave up after 0 re-enqueues')::int as finished,
              count(*) filter (where status = 'cancelled')::int as cancelled,
              count(*) filter (where error_message like '%gave up%')::int as abandoned
         from prompt_executions`,
    );
    expect(kinds?.finished).toBeGreaterThan(1000);
    expect(kinds?.cancelled).toBeGreaterThan(100);
    expect(kinds?.abandoned).toBeGreaterThan(50);
  }, 180_000);

  it('serve totals and percentiles through the analytics service within one bucket of the exact ones', async () => {
    const analytics = new AnalyticsService({ orm: db.orm });
    const from = new Date(Date.now() - 8 * 3_600_000);
    const to = new Date(Date.now() + 3_600_000);
    const scopes = [{}, { template: 'Alpha' }, { template: 'Alpha', version: 2 }, { template: 'Beta' }, { provider: 'openai' }, { model: 'mock-1' }];
    for (const scope of scopes) {
      const columns: Record<string, string> = { template: 't.name', version: 't.version_number', provider: 'e.provider', model: 'e.model' };
      const filters = Object.entries(scope).map(([name, value]) => [columns[name], value] as const);
      const conditions = [`e.status in ${TERMINAL}`, ...filters.map(([column]) => `${column} = ?`)];
      const params = filters.map(([, value]) => value);
      const [exact] = await sql<{ executions: number; succeeded: number; cost: string; p50: number; p95: number; p99: number }>(
        `select count(*)::int as executions, count(*) filter (where e.status = 'succeeded')::int as succeeded, coalesce(sum(e.cost_usd), 0)::text as cost,
                percentile_cont(0.5) within group (order by e.execution_time_ms) as p50,
                percentile_cont(0.95) within group (order by e.execution_time_ms) as p95,
                percentile_cont(0.99) within group (order by e.execution_time_ms) as p99
           from prompt_executions e left join prompt_templates t on t.id = e.template_id
          where ${conditions.join(' and ')}`,
        params,
      );
      if (!exact) throw new Error('no exact row');
      const { totals, series, versions } = await analytics.series({ ...scope, from, to, bucket: 'hour' });
      expect(totals.executions, JSON.stringify(scope)).toBe(exact.executions);
      expect(totals.succeeded).toBe(exact.succeeded);
      expect(totals.cost_usd).toBeCloseTo(Number(exact.cost), 8);
      expect(series.reduce((sum, point) => sum + point.executions, 0)).toBe(exact.executions);
      expect(versions === null).toBe(!('template' in scope) || 'version' in scope);
      for (const [p, value] of [
        ['p50', exact.p50],
        ['p95', exact.p95],
        ['p99', exact.p99],
      ] as const) {
        const estimate = totals.latency_ms[p];
        expect(estimate, `${p} of ${JSON.stringify(scope)}`).not.toBeNull();
        expect(Math.abs((estimate ?? 0) - value), `${p} of ${JSON.stringify(scope)}: ${estimate} vs ${value}`).toBeLessThanOrEqual(bucketWidth(value) + 1e-9);
      }
      // Day buckets read the daily rollups; over whole days holding the same executions, the same totals.
      expect((await analytics.series({ ...scope, from, to, bucket: 'day' })).totals).toEqual(totals);
    }
    // A ranking over two days and some hours reads whole days from the daily rollups and the hours around them from the hourly ones.
    const exactByName = await sql<{ name: string; cost: string }>(
      `select t.name, sum(e.cost_usd)::text as cost from prompt_executions e join prompt_templates t on t.id = e.template_id
        where e.status in ${TERMINAL} group by 1 order by 1`,
    );
    const top = await analytics.top({ by: 'cost', from: new Date(Date.now() - 50 * 3_600_000), to });
    expect(top.items.map((item) => [item.template_name, item.cost_usd.toFixed(8)]).sort()).toEqual(
      exactByName.map((row) => [row.name, Number(row.cost).toFixed(8)]),
    );
  });

  it('count rows inserted already terminal, and nothing for live ones', async () => {
    const sumOf = async () =>
      Object.values(
        (
          await sql<Record<string, string>>(
            `select ${Object.values(ROLLUPS)
              .map(({ table }) => `(select coalesce(sum(executions), 0) from ${table}) as ${table}`)
              .join(', ')}`,
          )
        )[0] ?? {},
      ).join(' ');
    const before = (await sumOf()).split(' ').map(Number);
    await sql(
      `insert into prompt_executions (id, kind, input_context, provider, model, status, executed_at, finished_at, execution_time_ms)
       select gen_random_uuid(), 'raw', '{}', 'mock', 'imported', case when n % 2 = 0 then 'succeeded' else 'queued' end::execution_status, now(),
              case when n % 2 = 0 then now() end, n
         from generate_series(1, 10) n`,
    );
    // Five more in each rollup.
    expect(await sumOf()).toBe(before.map((n) => n + 5).join(' '));
  });
});
