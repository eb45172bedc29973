import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { AlertRule } from './alert-rule';
import { Budget } from './budget';

export const ALERT_KINDS = ['budget', 'failure_rate', 'p95_latency_ms'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/**
 * A threshold crossed. `subject_id` is the budget's or rule's id and survives its deletion (the
 * foreign keys are then set null), so the unique (subject, period, threshold) still holds and the
 * history stays readable under `subject_name`.
 */
export const Alert = defineEntity({
  name: 'Alert',
  tableName: 'alerts',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => crypto.randomUUID()),
    kind: p.string().$type<AlertKind>().columnType('text'),
    subject_id: p.uuid(),
    subject_name: p.string().length(100),
    budget: () => p.manyToOne(Budget).mapToPk().nullable().deleteRule('set null'),
    rule: () => p.manyToOne(AlertRule).mapToPk().nullable().deleteRule('set null'),
    /** The budget's period, or the start of the rule's cool-down slot. */
    period_start: p.datetime(),
    threshold: p.double().$type<number>(),
    observed: p.double().$type<number>(),
    message: p.text(),
    created_at: p.datetime().onCreate(() => new Date()),
    acknowledged_at: p.datetime().nullable(),
  },
  uniques: [{ name: 'alerts_once_unique', properties: ['subject_id', 'period_start', 'threshold'] }],
  indexes: [{ name: 'alerts_created_idx', properties: ['created_at'] }],
});
export type Alert = InferEntity<typeof Alert>;
