import type { EntityManager } from '@mikro-orm/postgresql';
import type { Budget } from '@promptops/db';

/** Spend of one budget's scope in a period, in USD and tokens. */
export interface Spend {
  usd: number;
  tokens: number;
}

/**
 * Sums execution_rollups (kept exact by PostgreSQL as executions finish, one row per UTC hour,
 * template version, provider and model) over the period's hours: a period is whole hours, so this
 * is exact, and reads at most ~720 hours per model of the scope through its index.
 * Executions still running count once they finish.
 */
export async function spendInPeriod(em: EntityManager, budget: Pick<Budget, 'scope_kind' | 'scope_value'>, period: { start: Date; end: Date }): Promise<Spend> {
  const filter = budget.scope_kind === 'template' ? 'and template_name = ?' : budget.scope_kind === 'provider' ? 'and provider = ?' : '';
  const params: unknown[] = [period.start, period.end, ...(filter ? [budget.scope_value] : [])];
  const rows = await em.getConnection().execute<{ usd: string; tokens: string }[]>(
    `select coalesce(sum(cost_usd), 0)::text as usd, coalesce(sum(prompt_tokens + completion_tokens), 0)::text as tokens
         from execution_rollups where bucket_start >= ? and bucket_start < ? ${filter}`,
    params,
  );
  const row = rows[0];
  return { usd: Number(row?.usd ?? 0), tokens: Number(row?.tokens ?? 0) };
}

export function spentOf(budget: Pick<Budget, 'metric'>, spend: Spend): number {
  return budget.metric === 'usd' ? spend.usd : spend.tokens;
}
