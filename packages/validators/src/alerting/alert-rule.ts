import { z } from '@hono/zod-openapi';
import { ALERT_RULE_METRICS } from '@promptops/db';
import { timestamp } from '../json';
import { AlertScopeSchema, alertingName } from './alerting-common';

export const CreateAlertRuleSchema = z
  .strictObject({
    name: alertingName,
    metric: z.enum(ALERT_RULE_METRICS),
    scope: AlertScopeSchema,
    window_minutes: z.number().int().min(1).max(10_080),
    threshold: z.number().min(0).max(1e9).openapi({ description: 'A fraction 0–1 for failure_rate; milliseconds for p95_latency_ms. Fires when exceeded.' }),
    min_executions: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .optional()
      .openapi({ description: 'Finished executions the window needs before the rule judges it; default 10' }),
    cooldown_minutes: z.number().int().min(1).max(10_080).optional().openapi({ description: 'At most one alert per this long; default the window' }),
    enabled: z.boolean().optional(),
  })
  .openapi('CreateAlertRule');

export const UpdateAlertRuleSchema = CreateAlertRuleSchema.partial().strict().openapi('UpdateAlertRule');

export const AlertRuleSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    metric: z.enum(ALERT_RULE_METRICS),
    scope: AlertScopeSchema,
    window_minutes: z.number().int(),
    threshold: z.number(),
    min_executions: z.number().int(),
    cooldown_minutes: z.number().int(),
    enabled: z.boolean(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .openapi('AlertRule');

export const AlertRuleListSchema = z.object({ items: z.array(AlertRuleSchema) }).openapi('AlertRuleList');

export type AlertRuleInput = z.infer<typeof CreateAlertRuleSchema>;
export type AlertRuleView = z.infer<typeof AlertRuleSchema>;
