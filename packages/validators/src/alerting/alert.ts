import { z } from '@hono/zod-openapi';
import { ALERT_KINDS } from '@promptops/db';
import { timestamp } from '../json';

export const AlertSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(ALERT_KINDS),
    subject_id: z.uuid().openapi({ description: 'The budget or rule that fired (kept after it is deleted)' }),
    subject_name: z.string(),
    budget_id: z.uuid().nullable(),
    rule_id: z.uuid().nullable(),
    period_start: timestamp.openapi({ description: "The budget's period, or the rule's cool-down slot" }),
    threshold: z.number().openapi({ description: 'Percent for budgets; the rule threshold otherwise' }),
    observed: z.number().openapi({ description: 'Spend (USD or tokens), failure rate or p95 ms when it fired' }),
    message: z.string(),
    created_at: timestamp,
    acknowledged_at: timestamp.nullable(),
  })
  .openapi('Alert');

export const AlertPageSchema = z
  .object({
    items: z.array(AlertSchema),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    unacknowledged: z.number().int().openapi({ description: 'Unacknowledged alerts in all, whatever the filters' }),
  })
  .openapi('AlertPage');

export type AlertView = z.infer<typeof AlertSchema>;
export type AlertPage = z.infer<typeof AlertPageSchema>;
