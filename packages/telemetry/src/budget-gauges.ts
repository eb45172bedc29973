import { Gauge, type Registry } from 'prom-client';

/** One budget's spend in its current period, read from PostgreSQL at scrape time. */
export interface BudgetReading {
  name: string;
  metric: string;
  spent: number;
  ratio: number;
}

/** Budgets' spend and the alerts nobody acknowledged yet, read together at scrape time. */
export interface AlertingReading {
  budgets: BudgetReading[];
  /** Unacknowledged alerts per kind; kinds with none are reported as 0. */
  unacknowledgedAlerts: Record<string, number>;
}

const EMPTY: AlertingReading = { budgets: [], unacknowledgedAlerts: {} };

/**
 * `promptops_budget_spent{budget,metric}`, `promptops_budget_ratio{budget}` (spent / amount) and
 * `promptops_alerts_unacknowledged{kind}`, read at scrape time so every process reports the same
 * numbers (unlike `promptops_alerts_fired_total`, counted by the process that recorded each alert).
 * One read serves all three gauges of a scrape; a failed read leaves them empty for that scrape
 * rather than failing the exposition.
 */
export function registerAlertingGauges(registry: Registry, read: () => Promise<AlertingReading>): void {
  let inFlight: Promise<AlertingReading> | undefined;
  const reading = () => {
    inFlight ??= read()
      .catch(() => EMPTY)
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };
  new Gauge({
    name: 'promptops_budget_spent',
    help: 'Spend of each budget in its current UTC period, in its metric (usd or tokens).',
    labelNames: ['budget', 'metric'] as const,
    registers: [registry],
    async collect() {
      const { budgets } = await reading();
      this.reset();
      for (const budget of budgets) this.set({ budget: budget.name, metric: budget.metric }, budget.spent);
    },
  });
  new Gauge({
    name: 'promptops_budget_ratio',
    help: 'Spend of each budget in its current period divided by its amount (1 = 100 %).',
    labelNames: ['budget'] as const,
    registers: [registry],
    async collect() {
      const { budgets } = await reading();
      this.reset();
      for (const budget of budgets) this.set({ budget: budget.name }, budget.ratio);
    },
  });
  new Gauge({
    name: 'promptops_alerts_unacknowledged',
    help: 'Alerts nobody acknowledged yet, by kind (budget, failure_rate, p95_latency_ms).',
    labelNames: ['kind'] as const,
    registers: [registry],
    async collect() {
      const { unacknowledgedAlerts } = await reading();
      this.reset();
      for (const [kind, count] of Object.entries(unacknowledgedAlerts)) this.set({ kind }, count);
    },
  });
}
