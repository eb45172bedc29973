import { z } from '@hono/zod-openapi';
import { DELIVERY_OUTCOMES } from '@promptops/db';
import { timestamp } from '../json';

export const CreateWebhookSchema = z
  .strictObject({
    url: z.string().trim().min(1).max(2000).openapi({ example: 'https://hooks.example.com/promptops' }),
    description: z.string().max(500).optional(),
    enabled: z.boolean().optional(),
  })
  .openapi('CreateWebhook');

export const UpdateWebhookSchema = CreateWebhookSchema.partial().strict().openapi('UpdateWebhook');

/** A webhook as listed: never its secret. */
export const WebhookSchema = z
  .object({ id: z.uuid(), url: z.string(), description: z.string(), enabled: z.boolean(), created_at: timestamp, updated_at: timestamp })
  .openapi('Webhook');

export const CreatedWebhookSchema = WebhookSchema.extend({
  secret: z.string().openapi({ description: 'The signing secret; shown only in this response, store it now' }),
}).openapi('CreatedWebhook');

export const WebhookListSchema = z.object({ items: z.array(WebhookSchema) }).openapi('WebhookList');

/** One delivery attempt as logged. */
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

export type WebhookInput = z.infer<typeof CreateWebhookSchema>;
export type WebhookView = z.infer<typeof WebhookSchema>;
export type CreatedWebhook = z.infer<typeof CreatedWebhookSchema>;
export type DeliveryView = z.infer<typeof DeliverySchema>;
