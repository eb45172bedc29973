import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latencyBucketSumsSql, ROLLUP_TABLES } from '../rollups';
import { createTestDatabase, type TestDatabase } from '../test-database';
import { ShardExecutionRollups } from './0012-shard-execution-rollups';
import { MIGRATIONS } from './index';

let db: TestDatabase;
const index = MIGRATIONS.findIndex((migration) => migration.class === ShardExecutionRollups);
const before = MIGRATIONS[index - 1]?.name as string;
const self = MIGRATIONS[index]?.name as string;

const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => db.orm.em.fork().getConnection().execute<T[]>(query, params);

/** Executions inserted already terminal (the insert trigger counts them), over the last three hours. */
const insertExecutions = (provider: string) =>
  sql(
    `insert into prompt_executions (id, kind, input_context, provider, model, status, failure_kind, executed_at, finished_at, execution_time_ms, cost_usd, prompt_tokens)
     select gen_random_uuid(), 'raw', '{}', ?, 'm', case when n % 4 = 0 then 'failed' else 'succeeded' end::execution_status,
            case when n % 4 = 0 then 'provider' end::failure_kind, now(), now() - (n % 3) * interval '1 hour', n * 7, n / 1000.0, n
       from generate_series(1, 200) n`,
    [provider],
  );

/** Every rollup's rows added up per key: what readers see, whatever the shards. */
async function sums(): Promise<Record<string, unknown>[]> {
  const tables = await Promise.all(
    Object.values(ROLLUP_TABLES).map((table) =>
      sql(
        `select '${table}' as rollup, bucket_start, template_name, template_version, provider, model, sum(executions)::int as executions,
                sum(failed_provider)::int as failed_provider, sum(cost_usd)::text as cost_usd, sum(prompt_tokens)::int as prompt_tokens,
                sum(latency_sum_ms)::int as latency_sum_ms, ${latencyBucketSumsSql()}::int[] as latency_buckets
           from ${table} group by 2, 3, 4, 5, 6 order by 2, 3, 4, 5, 6`,
      ),
    ),
  );
  return tables.flat();
}

const rowsOutsideShard0 = async () =>
  Number(
    (
      await sql<{ n: string }>(
        Object.values(ROLLUP_TABLES)
          .map((table) => `select count(*) as n from ${table} where shard <> 0`)
          .join(' union all '),
      )
    ).reduce((total, row) => total + Number(row.n), 0),
  );

let counted: Record<string, unknown>[];

beforeAll(async () => {
  db = await createTestDatabase();
  // Back to one row per key, executions counted as 0010's triggers count them, then forward again.
  await db.orm.migrator.down({ to: before });
  await insertExecutions('before');
  counted = await sums();
  await db.orm.migrator.up({ to: self });
});
afterAll(async () => {
  await db?.drop();
});

describe(`migration ${self}`, () => {
  it('keeps every rollup as it was, its rows as shard 0', async () => {
    expect(counted.length).toBeGreaterThan(6);
    expect(await sums()).toEqual(counted);
    expect(await rowsOutsideShard0()).toBe(0);
  });

  it("adds a connection's executions to its own shard", async () => {
    const [inserted] = await sql<{ shard: number }>(
      `with added as (insert into prompt_executions (id, kind, input_context, provider, model, status, executed_at, finished_at)
                      values (gen_random_uuid(), 'raw', '{}', 'own-shard', 'm', 'succeeded', now(), now()) returning id)
       select pg_backend_pid() % 8 as shard from added`,
    );
    const shards = await sql<{ shard: number }>(`select distinct shard from execution_rollups where provider = 'own-shard'`);
    expect(shards).toEqual([{ shard: inserted?.shard }]);
  });

  it('compaction folds the shards of past buckets into shard 0, and going down folds them all, with the same sums', async () => {
    // The same executions again from several shards: rows written as other connections would have.
    for (const table of Object.values(ROLLUP_TABLES)) {
      await sql(`insert into ${table} select (r).* from (select (jsonb_populate_record(r, jsonb_build_object('shard', s))) as r
                   from ${table} r, generate_series(1, 3) s where shard = 0 and provider = 'before') x`);
    }
    const spread = await sums();
    expect(await rowsOutsideShard0()).toBeGreaterThan(0);
    const [cutoff] = await sql<{ hour: Date }>(`select date_trunc('hour', now(), 'UTC') as hour`);
    for (const table of Object.values(ROLLUP_TABLES)) await sql(`select ${table}_compact()`);
    expect(await sums()).toEqual(spread);
    const [left] = await sql<{ n: number }>(`select count(*)::int as n from execution_rollups where shard <> 0 and bucket_start < ?`, [cutoff?.hour]);
    expect(left?.n).toBe(0);

    await db.orm.migrator.down({ to: before });
    expect(await sums()).toEqual(spread);
    const [column] = await sql<{ n: number }>(`select count(*)::int as n from information_schema.columns where column_name = 'shard'`);
    expect(column?.n).toBe(0);
    await db.orm.migrator.up();
  });
});
