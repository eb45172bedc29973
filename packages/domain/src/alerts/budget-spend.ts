import type { EntityManager } from '@mikro-orm/postgresql';
import type { Budget } from '@promptops/db';
import { periodOf } from './budget-period';

/** A budget's current period and what its scope spent in it, in the budget's metric. */
export interface CurrentSpend {
  period: { start: Date; end: Date };
  spent: number;
}

/**
 * Sums execution_rollups (kept exact by PostgreSQL as executions finish, per UTC hour, template
 * version, provider and model, in up to 8 shard rows each) over the hours of the budget's period
 * holding `now`: a period is whole hours, so this is exact, and reads at most ~720 hours per model
 * of the scope through its index (one row each once compacted). Executions still running count
 * once they finish.
 */
export async function currentSpend(
  em: EntityManager,
  budget: Pick<Budget, 'scope_kind' | 'scope_value' | 'period' | 'metric'>,
  now: Date,
): Promise<CurrentSpend> {
  const period = periodOf(budget.period, now);
  const filter = budget.scope_kind === 'template' ? 'and template_name = ?' : budget.scope_kind === 'provider' ? 'and provider = ?' : '';
  const params: unknown[] = [period.start, period.end, ...(filter ? [budget.scope_value] : [])];
  const spentSql = budget.metric === 'usd' ? 'sum(cost_usd)' : 'sum(prompt_tokens + completion_tokens)';
  const rows = await em
    .getConnection()
    .execute<{ spent: string }[]>(
      `select coalesce(${spentSql}, 0)::text as spent from execution_rollups where bucket_start >= ? and bucket_start < ? ${filter}`,
      params,
    );
  return { period, spent: Number(rows[0]?.spent ?? 0) };
}
