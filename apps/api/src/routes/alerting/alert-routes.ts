import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { DomainServices } from '@promptops/domain';
import { AlertPageSchema, AlertSchema } from '@promptops/validators';
import type { AppEnv } from '../../http/app-env';
import { errorResponses, IdParamSchema, jsonResponse } from '../../http/common-schemas';
import { createRouter } from '../../http/create-router';
import { BUDGET_TAGS, ListAlertsQuerySchema } from './alerting-schemas';

const listAlerts = createRoute({
  method: 'get',
  path: '/alerts',
  tags: BUDGET_TAGS,
  summary: 'Alerts, newest first, by kind, acknowledged or not, budget or rule',
  request: { query: ListAlertsQuerySchema },
  responses: { 200: jsonResponse(AlertPageSchema, 'A page of alerts'), ...errorResponses(400, 401, 429) },
});

const acknowledgeAlert = createRoute({
  method: 'post',
  path: '/alerts/{id}/acknowledge',
  tags: BUDGET_TAGS,
  summary: 'Acknowledge an alert (a second time keeps the first time)',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(AlertSchema, 'The acknowledged alert'), ...errorResponses(400, 401, 403, 404, 429) },
});

export function alertRoutes(services: DomainServices): OpenAPIHono<AppEnv> {
  const router = createRouter();
  router.openapi(listAlerts, async (c) => c.json(await services.alerts.list(c.req.valid('query')), 200));
  router.openapi(acknowledgeAlert, async (c) => c.json(await services.alerts.acknowledge(c.req.valid('param').id), 200));
  return router;
}
