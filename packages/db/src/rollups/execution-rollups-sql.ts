import { LATENCY_BUCKET_COUNT, latencyBucketSumsSql } from './latency-histogram';

/**
 * How the rollups (execution_rollups and its siblings in ROLLUPS) are kept: by PostgreSQL itself, with two statement-level AFTER triggers on
 * prompt_executions whose transition tables hold every row the statement changed.
 *
 * Why triggers, and why per statement: every way an execution ends (a worker's finish, the run
 * driver's batched finish of many rows in one round trip, a cancel, a run's cancel, the
 * reconciler's abandon, and any future path) is counted in the same transaction as the status
 * change, without each statement having to remember it. Per statement rather than per row, so a
 * batched finish of 50 rows makes one grouped upsert per rollup key instead of 50, with its keys
 * locked in one stable order (the ORDER BY below): two batches touching the same keys queue behind
 * each other instead of deadlocking. Statements that end no execution (claim, heartbeat, release,
 * submissions) leave after one look at their own changed rows.
 *
 * Only a change from a live status (queued, running) to a terminal one (succeeded, failed,
 * cancelled) counts, and a row inserted already terminal (imports, seeds); the lifecycle never
 * moves a row out of a terminal status, so each execution is counted once. Deleting an execution
 * does not uncount it: rollups are history.
 */
const LIVE = `in ('queued', 'running')`;
const TERMINAL = `in ('succeeded', 'failed', 'cancelled')`;

export const ROLLUP_KEY = ['bucket_start', 'template_name', 'template_version', 'provider', 'model'] as const;

/**
 * Rollup rows per key since migration 0012: each connection adds to the row of its own shard,
 * `pg_backend_pid() % ROLLUP_SHARDS`, so finishes on different connections rarely wait for each
 * other's commit on the same hot row (the current hour of a busy template and model); readers sum
 * the shards like any other rows of a bucket. `none` is how migration 0010 created the rollups (a
 * single row per key, histograms built in plain SQL), kept so that migration replays as it ran.
 */
export const ROLLUP_SHARDS = 8;
export type RollupSharding = 'none' | 'by_connection';

/**
 * The rollups, all with the same columns, each kept for what some view reads:
 * - `hour`: per hour, template name and version, provider and model; any scope at hourly grain.
 * - `day`: the same per UTC day, so a month-long view reads about 24 times fewer rows (a day holds
 *   one row per template version, provider and model that ran in it, however many executions).
 * - `hourByTarget`: per hour, provider and model, every template together (name '' and version 0),
 *   so the dashboard's hourly views of everything, a provider or a model read a handful of rows
 *   per hour rather than one per template version.
 */
export const ROLLUPS = {
  hour: { table: 'execution_rollups', grain: 'hour', perTemplate: true },
  day: { table: 'execution_rollups_daily', grain: 'day', perTemplate: true },
  hourByTarget: { table: 'execution_rollups_hourly_by_target', grain: 'hour', perTemplate: false },
} as const;
export type RollupName = keyof typeof ROLLUPS;
const ROLLUP_NAMES = Object.keys(ROLLUPS) as RollupName[];
export const ROLLUP_TABLES = Object.fromEntries(Object.entries(ROLLUPS).map(([name, rollup]) => [name, rollup.table])) as {
  [name in RollupName]: (typeof ROLLUPS)[name]['table'];
};

/** Additive columns and how one group of executions `e` (rows of endedSql) fills them. */
const ADDITIVE: Record<string, string> = {
  executions: 'count(*)',
  succeeded: `count(*) filter (where e.status = 'succeeded')`,
  failed: `count(*) filter (where e.status = 'failed')`,
  cancelled: `count(*) filter (where e.status = 'cancelled')`,
  failed_render: `count(*) filter (where e.status = 'failed' and e.failure_kind = 'render')`,
  failed_validation: `count(*) filter (where e.status = 'failed' and e.failure_kind = 'validation')`,
  failed_provider: `count(*) filter (where e.status = 'failed' and e.failure_kind = 'provider')`,
  failed_timeout: `count(*) filter (where e.status = 'failed' and e.failure_kind = 'timeout')`,
  prompt_tokens: 'coalesce(sum(e.prompt_tokens), 0)',
  completion_tokens: 'coalesce(sum(e.completion_tokens), 0)',
  cost_usd: 'coalesce(sum(e.cost_usd), 0)',
  succeeded_cost_usd: `coalesce(sum(e.cost_usd) filter (where e.status = 'succeeded'), 0)`,
  latency_count: 'count(e.execution_time_ms)',
  latency_sum_ms: 'coalesce(sum(e.execution_time_ms), 0)',
};

/** The additive columns, in the order of ADDITIVE. */
export const ROLLUP_COUNTERS = Object.keys(ADDITIVE);

/**
 * A group's latency histogram, and two added: with the aggregate and function of
 * latencyHistogramFunctionsSql since 0012; as 0010 wrote them, one filtered count per bucket and
 * an unnest subquery.
 */
const BUCKETS = Array.from({ length: LATENCY_BUCKET_COUNT }, (_, i) => i + 1);
const histogram = (sharding: RollupSharding) =>
  sharding === 'none'
    ? `array[${BUCKETS.map((i) => `count(*) filter (where e.latency_bucket = ${i})`).join(', ')}]::bigint[]`
    : 'execution_latency_histogram(e.latency_bucket)';
const addHistograms = (table: string, sharding: RollupSharding) =>
  sharding === 'none'
    ? `(select array_agg(coalesce(a, 0) + coalesce(b, 0) order by i)
         from unnest(${table}.latency_buckets, excluded.latency_buckets) with ordinality as u(a, b, i))`
    : `execution_latency_histogram_add(${table}.latency_buckets, excluded.latency_buckets)`;

/** The executions of `source` with what the rollups group them by: the end, the template's name and version ('' and 0 when raw), the latency bucket. */
function endedSql(source: string): string {
  return `select coalesce(s.finished_at, s.executed_at) as ended_at, coalesce(t.name, '') as template_name,
           coalesce(t.version_number, 0) as template_version, s.provider, s.model, s.status, s.failure_kind,
           s.prompt_tokens, s.completion_tokens, s.cost_usd, s.execution_time_ms,
           execution_latency_bucket(s.execution_time_ms) as latency_bucket
      from ${source} s left join prompt_templates t on t.id = s.template_id`;
}

/** Adds the rows of `e` (endedSql) to one rollup: grouped by key, inserted in key order, added to existing rows on conflict. */
function addToRollupSql(name: RollupName, sharding: RollupSharding): string {
  const { table, grain, perTemplate } = ROLLUPS[name];
  const key = sharding === 'none' ? [...ROLLUP_KEY] : [...ROLLUP_KEY, 'shard'];
  return `insert into ${table} (${[...key, ...ROLLUP_COUNTERS, 'latency_buckets'].join(', ')})
    select date_trunc('${grain}', e.ended_at, 'UTC'), ${perTemplate ? 'e.template_name, e.template_version' : `'', 0`}, e.provider, e.model,
           ${sharding === 'none' ? '' : `pg_backend_pid() % ${ROLLUP_SHARDS}, `}${ROLLUP_COUNTERS.map((column) => ADDITIVE[column]).join(', ')}, ${histogram(sharding)}
      from e
     group by 1, 2, 3, 4, 5
     order by 1, 2, 3, 4, 5
    on conflict (${key.join(', ')}) do update set
      ${ROLLUP_COUNTERS.map((column) => `${column} = ${table}.${column} + excluded.${column}`).join(', ')},
      latency_buckets = ${addHistograms(table, sharding)}`;
}

/**
 * Adds the executions of the relation `source` (rows of prompt_executions, all terminal) to every
 * rollup in one statement, which reads `source` and joins their templates once (a trigger's cost
 * is mostly setting up its statements, not running them). Exact under concurrency:
 * ON CONFLICT DO UPDATE adds deltas to the row as committed, never a value read earlier. Every
 * writer runs this same statement, so all lock the rollups in one order (the order PostgreSQL runs
 * its parts in), each in key order, and none waits in a cycle.
 */
export function addToRollupsSql(source: string, sharding: RollupSharding): string {
  const [first, ...rest] = ROLLUP_NAMES;
  return `with e as materialized (${endedSql(source)}),
    ${rest.map((name) => `${name}_added as (${addToRollupSql(name, sharding)})`).join(',\n    ')}
    ${addToRollupSql(first as RollupName, sharding)}`;
}

/** The triggers' names, for the benchmark that measures what keeping rollups costs. */
export const ROLLUP_TRIGGERS = ['execution_rollups_on_insert', 'execution_rollups_on_update'] as const;

function triggerFunction(name: string, changed: string, terminalRows: string, sharding: RollupSharding): string {
  return `create or replace function ${name}() returns trigger language plpgsql as $$
    begin
      if not exists (select from ${terminalRows}) then return null; end if;
      ${addToRollupsSql(`(${changed})`, sharding)};
      return null;
    end $$`;
}

/** The functions the triggers run (create or replace, so a migration can swap them in place). */
export function rollupTriggerFunctionsSql(sharding: RollupSharding): string[] {
  const [onInsert, onUpdate] = ROLLUP_TRIGGERS;
  return [
    triggerFunction(`${onInsert}_record`, `select * from inserted_rows where status ${TERMINAL}`, `inserted_rows where status ${TERMINAL}`, sharding),
    triggerFunction(
      `${onUpdate}_record`,
      `select n.* from changed_rows n join previous_rows o on o.id = n.id where o.status ${LIVE} and n.status ${TERMINAL}`,
      `changed_rows where status ${TERMINAL}`,
      sharding,
    ),
  ];
}

/**
 * The statements that install the rollup maintenance (functions and triggers). Without an
 * argument, as migration 0010 installed it (one row per key); 0012 shards it.
 */
export function rollupTriggersSql(sharding: RollupSharding = 'none'): string[] {
  const [onInsert, onUpdate] = ROLLUP_TRIGGERS;
  return [
    ...rollupTriggerFunctionsSql(sharding),
    `create trigger ${onInsert} after insert on prompt_executions referencing new table as inserted_rows
       for each statement execute function ${onInsert}_record()`,
    `create trigger ${onUpdate} after update on prompt_executions referencing old table as previous_rows new table as changed_rows
       for each statement execute function ${onUpdate}_record()`,
  ];
}

/** Counts every execution already terminal, for the migration that creates the tables (0010: one row per key). */
export function backfillRollupsSql(sharding: RollupSharding = 'none'): string[] {
  return [addToRollupsSql(`(select * from prompt_executions where status ${TERMINAL})`, sharding)];
}

/**
 * `<rollup table>_compact()`, one SQL function per rollup, each folding the shards of every bucket
 * before the current one into shard 0 and returning how many shard rows it moved; called one per
 * transaction, a month's view then reads about one row per key instead of up to ROLLUP_SHARDS
 * (only the current hour and day stay spread). Safe beside writers: the rows it moves are taken
 * FOR UPDATE SKIP LOCKED (a late finish adding to an old bucket's shard right now keeps it, and the
 * next pass folds it), and it adds them to shard 0 in key order, the order writers lock in, holding
 * nothing of any other rollup. Exact: each moved row is deleted and added in the same statement.
 */
export function rollupCompactionFunctionsSql(): string[] {
  return ROLLUP_NAMES.map((name) => {
    const { table, grain } = ROLLUPS[name];
    const sums = ROLLUP_COUNTERS.map((column) => `sum(${column})`).join(', ');
    return `create or replace function ${table}_compact() returns integer language sql as $$
      with moved as (
        delete from ${table} r
         where r.ctid in (select ctid from ${table} where shard <> 0 and bucket_start < date_trunc('${grain}', now(), 'UTC') for update skip locked)
        returning r.*),
      added as (
        insert into ${table} (${[...ROLLUP_KEY, 'shard', ...ROLLUP_COUNTERS, 'latency_buckets'].join(', ')})
        select ${ROLLUP_KEY.join(', ')}, 0, ${sums}, ${latencyBucketSumsSql()}::bigint[]
          from moved group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
        on conflict (${[...ROLLUP_KEY, 'shard'].join(', ')}) do update set
          ${ROLLUP_COUNTERS.map((column) => `${column} = ${table}.${column} + excluded.${column}`).join(', ')},
          latency_buckets = ${addHistograms(table, 'by_connection')})
      select count(*)::int from moved $$`;
  });
}
