import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Alert } from './alert';
import { Webhook } from './webhook';

export const DELIVERY_OUTCOMES = ['delivered', 'retrying', 'failed'] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

/** One attempt to deliver an alert (or a test ping, without an alert) to a webhook, with its answer. */
export const WebhookDelivery = defineEntity({
  name: 'WebhookDelivery',
  tableName: 'webhook_deliveries',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => crypto.randomUUID()),
    webhook: () => p.manyToOne(Webhook).mapToPk().deleteRule('cascade'),
    alert: () => p.manyToOne(Alert).mapToPk().nullable().deleteRule('cascade'),
    event: p.string().$type<'alert' | 'test'>().columnType('text'),
    attempt: p.integer(),
    outcome: p.string().$type<DeliveryOutcome>().columnType('text'),
    status_code: p.integer().nullable(),
    /** The first ~2 KB of the receiver's answer. */
    response_excerpt: p.text().nullable(),
    error: p.text().nullable(),
    duration_ms: p.integer(),
    created_at: p.datetime().onCreate(() => new Date()),
  },
  indexes: [
    { name: 'webhook_deliveries_webhook_idx', properties: ['webhook', 'created_at'] },
    { name: 'webhook_deliveries_alert_idx', properties: ['alert'] },
  ],
});
export type WebhookDelivery = InferEntity<typeof WebhookDelivery>;
