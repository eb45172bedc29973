/**
 * A database of its own (`promptops_bench_analytics`) holding 1,000,000 finished executions over
 * the last 30 days, for bench/analytics-queries.ts. Rows are inserted set-based (generate_series,
 * 50,000 per statement) already terminal, so the same rollup trigger the platform runs on counts
 * them, one grouped upsert per statement. Those statements all run on one connection, so they fill
 * one shard of each rollup key; the platform's workers finish on many connections, which fill up
 * to all 8 (ROLLUP_SHARDS), so every rollup row is then split across min(8, its executions)
 * shards with the same sums, then compacted as a worker does (AnalyticsService.compactRollups), which
 * leaves the current hour and day spread; `--uncompacted` keeps every bucket spread, the worst
 * case when nothing compacts. Kept between runs; `--reset` builds it again.
 *
 *   npx tsx bench/analytics-seed.ts [--executions 1000000] [--reset] [--uncompacted]
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createOrm, LATENCY_BUCKET_COUNT, migrateDatabase, ROLLUP_TABLES, type Orm } from '@promptops/db';

export const ANALYTICS_BENCH_DATABASE = 'promptops_bench_analytics';
/** The local server of the quickstart, as the other benchmarks use. */
const SERVER_URL = 'postgresql://postgres@127.0.0.1:5432';
export const ANALYTICS_BENCH_URL = `${SERVER_URL}/${ANALYTICS_BENCH_DATABASE}`;

const CHUNK = 50_000;
const DAYS = 30;
/** Template names, each with 1 to 3 versions and a main model; a few run on a second model too. */
const TEMPLATES = 25;
const MODELS = [
  ['openai', 'gpt-4o-mini', 0.15, 0.6],
  ['openai', 'gpt-4o', 2.5, 10],
  ['xai', 'grok-3-mini', 0.3, 0.5],
  ['ollama', 'llama3.1:8b', 0, 0],
] as const;

async function createTemplates(orm: Orm): Promise<void> {
  const connection = orm.em.getConnection();
  await connection.execute(
    `insert into prompt_template_names (name, created_at, updated_at)
     select 'Bench template ' || lpad(n::text, 2, '0'), now(), now() from generate_series(1, ${TEMPLATES}) n`,
  );
  await connection.execute(
    `insert into prompt_templates (id, name, user_prompt_template, version_number, provider, model, created_at, updated_at)
     select gen_random_uuid(), 'Bench template ' || lpad(n::text, 2, '0'), 'Hello {{ x }}', v,
            (array[${MODELS.map(([provider]) => `'${provider}'`).join(', ')}])[1 + n % ${MODELS.length}],
            (array[${MODELS.map(([, model]) => `'${model}'`).join(', ')}])[1 + n % ${MODELS.length}], now(), now()
       from generate_series(1, ${TEMPLATES}) n, generate_series(1, 1 + n % 3) v`,
  );
}

/**
 * One statement of `count` finished executions: template names skewed (a few carry most traffic),
 * mostly their latest version, 5 % raw; 90 % succeeded, 7 % failed, 3 % cancelled; log-normal-ish
 * latencies from about 150 ms to 20 s; cost from the tokens at the model's price.
 */
function insertChunkSql(count: number): string {
  const prices = (column: 2 | 3) => `(array[${MODELS.map((model) => model[column]).join(', ')}])`;
  return `with picked as (
      select n, random() as r_status, random() as r_kind, random() as r_model, random() as r_latency,
             now() - random() * interval '${DAYS} days' as at,
             case when random() < 0.05 then null else 1 + floor(power(random(), 2) * ${TEMPLATES})::int end as name_n
        from generate_series(1, ${count}) n
    ), resolved as (
      select p.*, t.id as template_id,
             ((1 + coalesce(p.name_n, 0) + case when p.r_model < 0.1 then 1 else 0 end) % ${MODELS.length}) + 1 as model_i,
             400 + floor(random() * 3000)::int as prompt_tokens, 50 + floor(random() * 800)::int as completion_tokens
        from picked p
        left join lateral (
          select id from prompt_templates t
           where p.name_n is not null and t.name = 'Bench template ' || lpad(p.name_n::text, 2, '0')
           order by case when random() < 0.8 then version_number else -version_number end desc limit 1
        ) t on true
    )
    insert into prompt_executions (id, kind, template_id, input_context, provider, model, status, failure_kind, prompt_tokens, completion_tokens,
                                   total_tokens, cost_usd, execution_time_ms, executed_at, started_at, finished_at)
    select gen_random_uuid(), case when template_id is null then 'raw' else 'template' end::execution_kind, template_id, '{}',
           (array[${MODELS.map(([provider]) => `'${provider}'`).join(', ')}])[model_i], (array[${MODELS.map(([, model]) => `'${model}'`).join(', ')}])[model_i],
           case when r_status < 0.9 then 'succeeded' when r_status < 0.97 then 'failed' else 'cancelled' end::execution_status,
           case when r_status < 0.9 then null when r_status < 0.97 then (array['validation', 'provider', 'timeout', 'render'])[1 + floor(r_kind * 4)::int]
                else 'cancelled' end::failure_kind,
           prompt_tokens, completion_tokens, prompt_tokens + completion_tokens,
           round(((prompt_tokens * ${prices(2)}[model_i] + completion_tokens * ${prices(3)}[model_i]) / 1000000)::numeric, 8),
           case when r_status >= 0.97 and r_kind < 0.5 then null else round(exp(5 + r_latency * 5))::int end,
           at - interval '2 seconds', at - interval '1 second', at
      from resolved`;
}

/** As many shards as the triggers spread a key over (ROLLUP_SHARDS in packages/db/src/rollups). */
const SHARDS = 8;
const COUNTERS = ['executions', 'succeeded', 'failed', 'cancelled', 'failed_render', 'failed_validation', 'failed_provider', 'failed_timeout'];
const SUMS = ['prompt_tokens', 'completion_tokens', 'latency_count', 'latency_sum_ms'];

/**
 * Splits every row of a rollup into k = min(SHARDS, executions) rows, shards 0 to k - 1, that add
 * up to it exactly: each count n as n / k, plus one on the first n % k shards; each cost as
 * trunc(cost / k, 8), shard 0 taking the rest.
 */
function spreadOverShardsSql(table: string): string {
  const key = ['bucket_start', 'template_name', 'template_version', 'provider', 'model'];
  const part = (value: string) => `${value} / w.k + case when s.shard < ${value} % w.k then 1 else 0 end`;
  const cost = (column: string) => `case when s.shard = 0 then ${column} - (w.k - 1) * trunc(${column} / w.k, 8) else trunc(${column} / w.k, 8) end`;
  const histogram = Array.from({ length: LATENCY_BUCKET_COUNT }, (_, i) => part(`latency_buckets[${i + 1}]`)).join(', ');
  return `with whole as (delete from ${table} returning *, least(${SHARDS}, executions) as k)
    insert into ${table} (${[...key, 'shard', ...COUNTERS, ...SUMS, 'cost_usd', 'succeeded_cost_usd', 'latency_buckets'].join(', ')})
    select ${key.map((column) => `w.${column}`).join(', ')}, s.shard, ${[...COUNTERS, ...SUMS].map((column) => part(`w.${column}`)).join(', ')},
           ${cost('w.cost_usd')}, ${cost('w.succeeded_cost_usd')}, array[${histogram}]
      from whole w join generate_series(0, ${SHARDS - 1}) as s(shard) on s.shard < w.k`;
}

/** Creates and fills the benchmark database unless it already holds `executions` rows; returns its URL. */
export async function seedAnalyticsDatabase(
  executions: number,
  { reset = false, compact = true }: { reset?: boolean; compact?: boolean } = {},
  log = (line: string) => process.stdout.write(`${line}\n`),
): Promise<string> {
  if (reset) {
    const admin = await createOrm(`${SERVER_URL}/postgres`, { poolMax: 1 });
    await admin.em.getConnection().execute(`drop database if exists "${ANALYTICS_BENCH_DATABASE}" with (force)`);
    await admin.close(true);
  }
  const orm = await createOrm(ANALYTICS_BENCH_URL, { poolMax: 2 });
  try {
    await migrateDatabase(orm);
    const connection = orm.em.getConnection();
    const [existing] = await connection.execute<{ n: string }[]>('select count(*) as n from prompt_executions');
    if (Number(existing?.n) >= executions) {
      log(`${ANALYTICS_BENCH_DATABASE} already holds ${Number(existing?.n).toLocaleString('en-US')} executions (--reset to rebuild)`);
      return ANALYTICS_BENCH_URL;
    }
    if (Number(existing?.n) > 0) throw new Error(`${ANALYTICS_BENCH_DATABASE} holds a partial seed; run with --reset`);
    await createTemplates(orm);
    const started = performance.now();
    for (let done = 0; done < executions; done += CHUNK) {
      await connection.execute(insertChunkSql(Math.min(CHUNK, executions - done)));
      log(`  ${Math.min(done + CHUNK, executions).toLocaleString('en-US')} executions (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
    await connection.execute('analyze prompt_executions');
    for (const table of Object.values(ROLLUP_TABLES)) {
      await connection.execute(spreadOverShardsSql(table));
      // What a running platform's compaction leaves: only the current hour and day spread over shards.
      if (compact) await connection.execute(`select ${table}_compact()`);
    }
    // Each chunk's upsert and the spreading rewrote every rollup row; autovacuum would clear the dead versions in its own time.
    await connection.execute(`vacuum (analyze) ${Object.values(ROLLUP_TABLES).join(', ')}`);
    const [rollups] = await connection.execute<{ rows: string; executions: string }[]>(
      'select count(*) as rows, sum(executions) as executions from execution_rollups',
    );
    log(
      `seeded ${executions.toLocaleString('en-US')} executions in ${((performance.now() - started) / 1000).toFixed(0)} s; ${Number(rollups?.rows).toLocaleString('en-US')} rollup rows counting ${Number(rollups?.executions).toLocaleString('en-US')}`,
    );
    return ANALYTICS_BENCH_URL;
  } finally {
    await orm.close(true);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      executions: { type: 'string', default: '1000000' },
      reset: { type: 'boolean', default: false },
      uncompacted: { type: 'boolean', default: false },
    },
  });
  await seedAnalyticsDatabase(Number(values.executions), { reset: values.reset, compact: !values.uncompacted });
}
