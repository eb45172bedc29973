import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { AlertScopeKind } from './budget';

export const ALERT_RULE_METRICS = ['failure_rate', 'p95_latency_ms'] as const;
export type AlertRuleMetric = (typeof ALERT_RULE_METRICS)[number];

/**
 * Fires when the failure rate (0–1) or the p95 latency of the executions that finished in the last
 * `window_minutes` exceeds `threshold`, provided at least `min_executions` finished; at most once
 * per `cooldown_minutes`.
 */
export const AlertRule = defineEntity({
  name: 'AlertRule',
  tableName: 'alert_rules',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => crypto.randomUUID()),
    name: p.string().length(100).unique('alert_rules_name_unique'),
    metric: p.string().$type<AlertRuleMetric>().columnType('text'),
    scope_kind: p.string().$type<AlertScopeKind>().columnType('text'),
    scope_value: p.text().default(''),
    window_minutes: p.integer(),
    threshold: p.double().$type<number>(),
    min_executions: p.integer().default(1),
    cooldown_minutes: p.integer(),
    enabled: p.boolean().default(true),
    created_at: p.datetime().onCreate(() => new Date()),
    updated_at: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type AlertRule = InferEntity<typeof AlertRule>;
