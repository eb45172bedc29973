import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { DomainServices } from '@promptops/domain';
import {
  CreatedWebhookSchema,
  CreateWebhookSchema,
  DeletedSchema,
  DeliverySchema,
  UpdateWebhookSchema,
  WebhookListSchema,
  WebhookSchema,
} from '@promptops/validators';
import type { AppEnv } from '../../http/app-env';
import { errorResponses, IdParamSchema, PaginationQuerySchema, jsonBody, jsonResponse } from '../../http/common-schemas';
import { createRouter } from '../../http/create-router';
import { BUDGET_TAGS, DeliveryPageSchema } from './alerting-schemas';

const createWebhook = createRoute({
  method: 'post',
  path: '/webhooks',
  tags: BUDGET_TAGS,
  summary: 'Add a webhook (admin); its signing secret is in this response only',
  description:
    'Loopback, private, link-local and metadata addresses are refused (400) unless WEBHOOK_ALLOW_PRIVATE_TARGETS or WEBHOOK_ALLOWED_CIDRS allow them; 409 not_configured without WEBHOOK_SECRET_KEY.',
  request: { body: jsonBody(CreateWebhookSchema) },
  responses: { 201: jsonResponse(CreatedWebhookSchema, 'Created, with the secret'), ...errorResponses(400, 401, 403, 409, 413, 429) },
});

const listWebhooks = createRoute({
  method: 'get',
  path: '/webhooks',
  tags: BUDGET_TAGS,
  summary: 'Every webhook (never the secrets)',
  responses: { 200: jsonResponse(WebhookListSchema, 'Every webhook'), ...errorResponses(400, 401, 429) },
});

const updateWebhook = createRoute({
  method: 'patch',
  path: '/webhooks/{id}',
  tags: BUDGET_TAGS,
  summary: 'Change a webhook (admin): url, description, enabled',
  request: { params: IdParamSchema, body: jsonBody(UpdateWebhookSchema) },
  responses: { 200: jsonResponse(WebhookSchema, 'The changed webhook'), ...errorResponses(400, 401, 403, 404, 413, 429) },
});

const deleteWebhook = createRoute({
  method: 'delete',
  path: '/webhooks/{id}',
  tags: BUDGET_TAGS,
  summary: 'Delete a webhook and its delivery log (admin)',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(DeletedSchema, 'Deleted'), ...errorResponses(400, 401, 403, 404, 429) },
});

const testWebhook = createRoute({
  method: 'post',
  path: '/webhooks/{id}/test',
  tags: BUDGET_TAGS,
  summary: 'Send a signed ping now (admin) and answer with the attempt as logged',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(DeliverySchema, 'The attempt, whatever the receiver answered'), ...errorResponses(400, 401, 403, 404, 409, 429) },
});

const listDeliveries = createRoute({
  method: 'get',
  path: '/webhooks/{id}/deliveries',
  tags: BUDGET_TAGS,
  summary: "A webhook's delivery attempts, newest first, with status codes and answers",
  request: { params: IdParamSchema, query: PaginationQuerySchema },
  responses: { 200: jsonResponse(DeliveryPageSchema, 'A page of attempts'), ...errorResponses(400, 401, 404, 429) },
});

export function webhookRoutes(services: DomainServices): OpenAPIHono<AppEnv> {
  const router = createRouter();
  router.openapi(createWebhook, async (c) => c.json(await services.webhooks.create(c.req.valid('json')), 201));
  router.openapi(listWebhooks, async (c) => c.json({ items: await services.webhooks.list() }, 200));
  router.openapi(updateWebhook, async (c) => c.json(await services.webhooks.update(c.req.valid('param').id, c.req.valid('json')), 200));
  router.openapi(deleteWebhook, async (c) => c.json(await services.webhooks.delete(c.req.valid('param').id), 200));
  router.openapi(testWebhook, async (c) => c.json(await services.webhooks.test(c.req.valid('param').id), 200));
  router.openapi(listDeliveries, async (c) => c.json(await services.webhooks.deliveries(c.req.valid('param').id, c.req.valid('query')), 200));
  return router;
}
