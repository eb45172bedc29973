import type { EntityManager } from '@mikro-orm/postgresql';
import { Budget } from '@promptops/db';
import { BudgetExceededError } from '@promptops/errors';
import { describeScope, scopeCovers, scopeOf, type SpendTarget } from './alert-scope';
import { currentSpend } from './budget-spend';

/**
 * How long a process remembers the list of hard-limit budgets. Without one, a submission costs no
 * query at all; budgets changed in this process take effect at once (`forget`), from another
 * process within this long.
 */
const HARD_BUDGETS_TTL_MS = 5000;

/** Refuses submissions a spent hard-limit budget covers; runs already in flight are never stopped. */
export class BudgetGuard {
  private hardBudgets: { value: Promise<Budget[]>; until: number } | undefined;

  constructor(private readonly fork: () => EntityManager) {}

  forget(): void {
    this.hardBudgets = undefined;
  }

  private async loadHardBudgets(): Promise<Budget[]> {
    const now = Date.now();
    if (!this.hardBudgets || this.hardBudgets.until < now) {
      const value = this.fork().find(Budget, { hard_limit: true });
      value.catch(() => this.forget());
      this.hardBudgets = { value, until: now + HARD_BUDGETS_TTL_MS };
    }
    return this.hardBudgets.value;
  }

  async assertAdmits(target: SpendTarget): Promise<void> {
    const covering = (await this.loadHardBudgets()).filter((budget) => scopeCovers(budget, target));
    if (covering.length === 0) return;
    const now = new Date();
    const em = this.fork();
    for (const budget of covering) {
      const { period, spent } = await currentSpend(em, budget, now);
      if (spent < budget.amount) continue;
      throw new BudgetExceededError(
        `Budget "${budget.name}" (${describeScope(budget)}) is spent for this ${budget.period}: ${formatAmount(budget.metric, spent)} of ${formatAmount(budget.metric, budget.amount)}; new submissions are refused until ${period.end.toISOString()} or until the budget is raised`,
        {
          budget: {
            id: budget.id,
            name: budget.name,
            scope: scopeOf(budget),
            period: budget.period,
            metric: budget.metric,
            amount: budget.amount,
            spent,
            period_start: period.start.toISOString(),
            period_end: period.end.toISOString(),
          },
        },
      );
    }
  }
}

export function formatAmount(metric: Budget['metric'], value: number): string {
  return metric === 'usd' ? `$${value.toFixed(value < 1 ? 4 : 2)}` : `${Math.round(value)} tokens`;
}
