import { z } from '@hono/zod-openapi';
import { ALERT_KINDS } from '@promptops/db';
import { DeliverySchema } from '@promptops/validators';
import { PaginationQuerySchema, pageSchema } from '../../http/common-schemas';

export const BUDGET_TAGS = ['Budgets and alerts'];

export const ListAlertsQuerySchema = PaginationQuerySchema.extend({
  kind: z.enum(ALERT_KINDS).optional(),
  acknowledged: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  budget_id: z.uuid().optional(),
  rule_id: z.uuid().optional(),
});

export const DeliveryPageSchema = pageSchema(DeliverySchema, 'WebhookDeliveryPage');
