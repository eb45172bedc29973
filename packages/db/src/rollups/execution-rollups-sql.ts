import { LATENCY_BUCKET_COUNT } from './latency-histogram';

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
export const ROLLUP_TABLES = Object.fromEntries(Object.entries(ROLLUPS).map(([name, rollup]) => [name, rollup.table])) as {
  [name in RollupName]: (typeof ROLLUPS)[name]['table'];
};

/** Additive columns and how one group of executions `e` (with `latency_bucket`) fills them. */
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

const histogram = `array[${Array.from({ length: LATENCY_BUCKET_COUNT }, (_, i) => `count(*) filter (where e.latency_bucket = ${i + 1})`).join(', ')}]::bigint[]`;

/**
 * Adds the executions of the relation `source` (rows of prompt_executions, all terminal) to one
 * rollup: grouped by key, inserted in key order, added to existing rows on conflict. Exact under
 * concurrency: ON CONFLICT DO UPDATE adds deltas to the row as committed, never a value read
 * earlier. Every writer locks the rollups in the order of ROLLUPS, each in key order, so none
 * waits in a cycle.
 */
export function addToRollupsSql(source: string, name: RollupName): string {
  const { table, grain, perTemplate } = ROLLUPS[name];
  const additive = Object.keys(ADDITIVE);
  return `insert into ${table} (${[...ROLLUP_KEY, ...additive, 'latency_buckets'].join(', ')})
    select date_trunc('${grain}', coalesce(e.finished_at, e.executed_at), 'UTC'),
           ${perTemplate ? `coalesce(t.name, ''), coalesce(t.version_number, 0)` : `'', 0`}, e.provider, e.model,
           ${additive.map((column) => ADDITIVE[column]).join(', ')}, ${histogram}
      from (select s.*, execution_latency_bucket(s.execution_time_ms) as latency_bucket from ${source} s) e
      ${perTemplate ? 'left join prompt_templates t on t.id = e.template_id' : ''}
     group by 1, 2, 3, 4, 5
     order by 1, 2, 3, 4, 5
    on conflict (${ROLLUP_KEY.join(', ')}) do update set
      ${additive.map((column) => `${column} = ${table}.${column} + excluded.${column}`).join(', ')},
      latency_buckets = (select array_agg(coalesce(a, 0) + coalesce(b, 0) order by i)
                           from unnest(${table}.latency_buckets, excluded.latency_buckets) with ordinality as u(a, b, i))`;
}

const ROLLUP_NAMES = Object.keys(ROLLUPS) as RollupName[];

/** The triggers' names, for the benchmark that measures what keeping rollups costs. */
export const ROLLUP_TRIGGERS = ['execution_rollups_on_insert', 'execution_rollups_on_update'] as const;

function triggerFunction(name: string, changed: string, terminalRows: string): string {
  return `create or replace function ${name}() returns trigger language plpgsql as $$
    begin
      if not exists (select from ${terminalRows}) then return null; end if;
      ${ROLLUP_NAMES.map((name) => `${addToRollupsSql(`(${changed})`, name)};`).join('\n      ')}
      return null;
    end $$`;
}

/** The statements that install the rollup maintenance (functions and triggers). */
export function rollupTriggersSql(): string[] {
  const [onInsert, onUpdate] = ROLLUP_TRIGGERS;
  return [
    triggerFunction(`${onInsert}_record`, `select * from inserted_rows where status ${TERMINAL}`, `inserted_rows where status ${TERMINAL}`),
    triggerFunction(
      `${onUpdate}_record`,
      `select n.* from changed_rows n join previous_rows o on o.id = n.id where o.status ${LIVE} and n.status ${TERMINAL}`,
      `changed_rows where status ${TERMINAL}`,
    ),
    `create trigger ${onInsert} after insert on prompt_executions referencing new table as inserted_rows
       for each statement execute function ${onInsert}_record()`,
    `create trigger ${onUpdate} after update on prompt_executions referencing old table as previous_rows new table as changed_rows
       for each statement execute function ${onUpdate}_record()`,
  ];
}

/** Counts every execution already terminal, for the migration that creates the tables. */
export function backfillRollupsSql(): string[] {
  return ROLLUP_NAMES.map((name) => addToRollupsSql(`(select * from prompt_executions where status ${TERMINAL})`, name));
}
