import type { EntityManager } from '@mikro-orm/postgresql';
import type { AlertRule } from '@promptops/db';

export interface RuleObservation {
  executions: number;
  failureRate: number;
  p95LatencyMs: number | null;
}

/**
 * Failure rate and p95 latency of the executions (succeeded or failed; cancelled ones say nothing
 * about health) that finished in the rule's window, read from the raw rows through the index on
 * finished_at. Not from execution_rollups: their hourly buckets cannot frame a 15-minute window,
 * and their latency histogram gives a bucket boundary, not the p95. A window's rows are few
 * compared with the table, and the rules are evaluated every few seconds, not per request.
 */
export async function observeRule(
  em: EntityManager,
  rule: Pick<AlertRule, 'scope_kind' | 'scope_value' | 'window_minutes'>,
  now: Date,
): Promise<RuleObservation> {
  const since = new Date(now.getTime() - rule.window_minutes * 60_000);
  const join = rule.scope_kind === 'template' ? 'join prompt_templates t on t.id = e.template_id' : '';
  const filter = rule.scope_kind === 'template' ? 'and t.name = ?' : rule.scope_kind === 'provider' ? 'and e.provider = ?' : '';
  const rows = await em.getConnection().execute<{ executions: number; failed: number; p95: number | null }[]>(
    `select count(*)::int as executions, (count(*) filter (where e.status = 'failed'))::int as failed,
            percentile_cont(0.95) within group (order by e.execution_time_ms) as p95
       from prompt_executions e ${join}
      where e.finished_at >= ? and e.finished_at <= ? and e.status in ('succeeded', 'failed') ${filter}`,
    [since, now, ...(filter ? [rule.scope_value] : [])],
  );
  const row = rows[0] ?? { executions: 0, failed: 0, p95: null };
  return {
    executions: row.executions,
    failureRate: row.executions > 0 ? row.failed / row.executions : 0,
    p95LatencyMs: row.p95 === null ? null : Number(row.p95),
  };
}
