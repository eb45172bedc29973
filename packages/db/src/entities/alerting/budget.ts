import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** What a budget or an alert rule watches: every execution, one template name, or one provider. */
export const ALERT_SCOPE_KINDS = ['global', 'template', 'provider'] as const;
export type AlertScopeKind = (typeof ALERT_SCOPE_KINDS)[number];

export const BUDGET_PERIODS = ['day', 'month'] as const;
export type BudgetPeriod = (typeof BUDGET_PERIODS)[number];

export const BUDGET_METRICS = ['usd', 'tokens'] as const;
export type BudgetMetric = (typeof BUDGET_METRICS)[number];

/**
 * A spending limit per UTC day or month, in USD or tokens, with thresholds (percent of `amount`)
 * that each fire one alert per period. A hard limit also refuses new submissions in its scope
 * once spend reaches 100 %. `scope_value` is the template name or provider; '' for global.
 */
export const Budget = defineEntity({
  name: 'Budget',
  tableName: 'budgets',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => crypto.randomUUID()),
    name: p.string().length(100).unique('budgets_name_unique'),
    scope_kind: p.string().$type<AlertScopeKind>().columnType('text'),
    scope_value: p.text().default(''),
    period: p.string().$type<BudgetPeriod>().columnType('text'),
    metric: p.string().$type<BudgetMetric>().columnType('text'),
    amount: p.decimal('number').precision(20).scale(8),
    thresholds: p.array<number>().columnType('integer[]'),
    hard_limit: p.boolean().default(false),
    created_at: p.datetime().onCreate(() => new Date()),
    updated_at: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type Budget = InferEntity<typeof Budget>;
