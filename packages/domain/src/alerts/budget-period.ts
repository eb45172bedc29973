import type { BudgetPeriod } from '@promptops/db';

/** Start of the UTC day or month holding `now`: budgets reset at UTC midnight, or on the 1st. */
function periodStart(period: BudgetPeriod, now: Date): Date {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  return period === 'month' ? new Date(Date.UTC(y, m, 1)) : new Date(Date.UTC(y, m, now.getUTCDate()));
}

/** Start of the next period, when a hard limit lifts by itself. */
function periodEnd(period: BudgetPeriod, now: Date): Date {
  const start = periodStart(period, now);
  return period === 'month' ? new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)) : new Date(start.getTime() + 24 * 3600 * 1000);
}

export function periodOf(period: BudgetPeriod, now: Date): { start: Date; end: Date } {
  return { start: periodStart(period, now), end: periodEnd(period, now) };
}
