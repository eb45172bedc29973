import type { EntityManager } from '@mikro-orm/postgresql';
import type { RunSummary } from '@promptops/validators';
import { ITEMS, RUNS } from './run-transitions';

interface TotalsRow {
  finished: string;
  scored: string;
  failed: string;
  passed: string;
  mean_score: number | null;
  p50: number | null;
  p95: number | null;
  mean_latency: string | null;
  tokens: string | null;
  cost: string | null;
}

const round = (value: number | null, digits = 6) => (value === null ? null : Number(value.toFixed(digits)));

/**
 * Two aggregate queries over the run's results; cheap enough to answer every progress poll. Raw:
 * FILTER, percentile_cont and a lateral over the scores, which the QueryBuilder cannot express.
 */
export async function summariseRun(em: EntityManager, runId: string): Promise<RunSummary> {
  const connection = em.getConnection();
  const [totals] = await connection.execute<TotalsRow[]>(
    `select count(*) filter (where status in ('scored', 'failed')) as finished,
            count(*) filter (where status = 'scored') as scored,
            count(*) filter (where status = 'failed') as failed,
            count(*) filter (where passed) as passed,
            avg(case when status = 'scored' then score else 0 end) filter (where status in ('scored', 'failed')) as mean_score,
            percentile_cont(0.5) within group (order by latency_ms) as p50,
            percentile_cont(0.95) within group (order by latency_ms) as p95,
            avg(latency_ms) as mean_latency,
            sum(total_tokens) filter (where status in ('scored', 'failed')) as tokens,
            sum(cost_usd) as cost
       from evaluation_results where run_id = ?`,
    [runId],
  );
  const perScorer = await connection.execute<{ scorer: string; mean_score: number; pass_rate: number }[]>(
    `select s->>'scorer' as scorer, avg((s->>'score')::float8) as mean_score,
            avg(case when (s->>'passed')::boolean then 1.0 else 0.0 end)::float8 as pass_rate
       from evaluation_results r cross join lateral jsonb_array_elements(r.scores) s
      where r.run_id = ? and r.status = 'scored'
      group by 1 order by 1`,
    [runId],
  );
  const finished = Number(totals?.finished ?? 0);
  const tokens = Number(totals?.tokens ?? 0);
  return {
    finished,
    scored: Number(totals?.scored ?? 0),
    failed: Number(totals?.failed ?? 0),
    passed: Number(totals?.passed ?? 0),
    pass_rate: finished === 0 ? null : round(Number(totals?.passed ?? 0) / finished),
    mean_score: round(totals?.mean_score ?? null),
    scorers: Object.fromEntries(perScorer.map((row) => [row.scorer, { mean_score: round(row.mean_score) ?? 0, pass_rate: round(Number(row.pass_rate)) ?? 0 }])),
    latency_ms: {
      p50: round(totals?.p50 ?? null, 1),
      p95: round(totals?.p95 ?? null, 1),
      mean: round(totals?.mean_latency === null || totals?.mean_latency === undefined ? null : Number(totals.mean_latency), 1),
    },
    tokens: { total: tokens, mean: finished === 0 ? null : round(tokens / finished, 2) },
    cost_usd: totals?.cost === null || totals?.cost === undefined ? null : round(Number(totals.cost), 8),
  };
}

/**
 * Writes the final summary and status once: only the caller that moves the run out of `running`
 * wins, so the last item's worker and the reconciler can both try. A run where every item
 * failed is `failed`; otherwise `completed`.
 */
export async function finaliseRun(em: EntityManager, runId: string): Promise<boolean> {
  const summary = await summariseRun(em, runId);
  const everyItemFailed = summary.scored === 0 && summary.failed > 0;
  // Raw: a conditional transition of RUNS guarded by NOT EXISTS over the items; each value is bound once.
  const rows = await em.getConnection().execute<{ id: string }[]>(
    `update evaluation_runs
        set status = ?::evaluation_run_status, summary = ?::jsonb, finished_at = now(), error_message = coalesce(?, error_message)
      where id = ? and status ${RUNS.from('finalise')}
        and not exists (select 1 from evaluation_results r where r.run_id = evaluation_runs.id and r.status ${ITEMS.sqlIn(ITEMS.live)})
      returning id`,
    [everyItemFailed ? 'failed' : 'completed', JSON.stringify(summary), everyItemFailed ? 'every item failed' : null, runId],
  );
  return rows.length > 0;
}
