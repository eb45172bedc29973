import { z } from '@hono/zod-openapi';
import { ALERT_KINDS, ALERT_RULE_METRICS, ALERT_SCOPE_KINDS, BUDGET_METRICS, BUDGET_PERIODS, DELIVERY_OUTCOMES } from '@promptops/db';
import { PaginationQuerySchema, pageSchema } from '../../http/common-schemas';

export const BUDGET_TAGS = ['Budgets and alerts'];

export const json = <T>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
export const jsonBody = <T>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });

const timestamp = z.string().openapi({ format: 'date-time', example: '2026-12-01T00:00:00.000Z' });
const name = z.string().trim().min(1).max(100);

const ScopeSchema = z
  .strictObject({
    kind: z.enum(ALERT_SCOPE_KINDS),
    value: z.string().trim().min(1).max(200).optional().openapi({ description: 'The template name or provider; none for `global`' }),
  })
  .openapi('AlertScope', { example: { kind: 'template', value: 'Greeter' } });

const thresholds = z
  .array(z.number().int().min(1).max(1000))
  .min(1)
  .max(10)
  .openapi({ description: 'Percent of `amount`; each fires one alert per period. Default [50, 80, 100].', example: [50, 80, 100] });

export const CreateBudgetSchema = z
  .strictObject({
    name,
    scope: ScopeSchema,
    period: z.enum(BUDGET_PERIODS).openapi({ description: 'UTC day or UTC calendar month' }),
    metric: z.enum(BUDGET_METRICS).openapi({ description: '`usd` (cost) or `tokens` (prompt + completion)' }),
    amount: z.number().positive().max(1e12),
    thresholds: thresholds.optional(),
    hard_limit: z.boolean().optional().openapi({ description: 'Refuse new submissions in scope (429 budget_exceeded) once 100 % is spent' }),
  })
  .openapi('CreateBudget');

export const UpdateBudgetSchema = CreateBudgetSchema.partial().strict().openapi('UpdateBudget');

export const BudgetSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    scope: ScopeSchema,
    period: z.enum(BUDGET_PERIODS),
    metric: z.enum(BUDGET_METRICS),
    amount: z.number(),
    thresholds: z.array(z.number().int()),
    hard_limit: z.boolean(),
    created_at: timestamp,
    updated_at: timestamp,
    current: z.object({ period_start: timestamp, period_end: timestamp, spent: z.number(), ratio: z.number().openapi({ description: 'spent / amount' }) }),
  })
  .openapi('Budget');

export const BudgetListSchema = z.object({ items: z.array(BudgetSchema) }).openapi('BudgetList');

export const CreateAlertRuleSchema = z
  .strictObject({
    name,
    metric: z.enum(ALERT_RULE_METRICS),
    scope: ScopeSchema,
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
    scope: ScopeSchema,
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

export const ListAlertsQuerySchema = PaginationQuerySchema.extend({
  kind: z.enum(ALERT_KINDS).optional(),
  acknowledged: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  budget_id: z.uuid().optional(),
  rule_id: z.uuid().optional(),
});

export const CreateWebhookSchema = z
  .strictObject({
    url: z.string().trim().min(1).max(2000).openapi({ example: 'https://hooks.example.com/promptops' }),
    description: z.string().max(500).optional(),
    enabled: z.boolean().optional(),
  })
  .openapi('CreateWebhook');

export const UpdateWebhookSchema = CreateWebhookSchema.partial().strict().openapi('UpdateWebhook');

export const WebhookSchema = z
  .object({ id: z.uuid(), url: z.string(), description: z.string(), enabled: z.boolean(), created_at: timestamp, updated_at: timestamp })
  .openapi('Webhook');

export const CreatedWebhookSchema = WebhookSchema.extend({
  secret: z.string().openapi({ description: 'The signing secret; shown only in this response, store it now' }),
}).openapi('CreatedWebhook');

export const WebhookListSchema = z.object({ items: z.array(WebhookSchema) }).openapi('WebhookList');

export const DeliverySchema = z
  .object({
    id: z.uuid(),
    webhook_id: z.uuid(),
    alert_id: z.uuid().nullable(),
    event: z.enum(['alert', 'test']),
    attempt: z.number().int(),
    outcome: z.enum(DELIVERY_OUTCOMES),
    status_code: z.number().int().nullable(),
    response_excerpt: z.string().nullable().openapi({ description: "The first 2 KB of the receiver's answer" }),
    error: z.string().nullable(),
    duration_ms: z.number().int(),
    created_at: timestamp,
  })
  .openapi('WebhookDelivery');

export const DeliveryPageSchema = pageSchema(DeliverySchema, 'WebhookDeliveryPage');

export const DeletedSchema = z.object({ id: z.uuid(), deleted: z.literal(true) }).openapi('Deleted');
