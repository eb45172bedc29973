import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { DomainServices } from '@promptops/domain';
import { AlertRuleListSchema, AlertRuleSchema, CreateAlertRuleSchema, DeletedSchema, UpdateAlertRuleSchema } from '@promptops/validators';
import type { AppEnv } from '../../http/app-env';
import { errorResponses, IdParamSchema, jsonBody, jsonResponse } from '../../http/common-schemas';
import { createRouter } from '../../http/create-router';
import { BUDGET_TAGS } from './alerting-schemas';

const createRule = createRoute({
  method: 'post',
  path: '/alert-rules',
  tags: BUDGET_TAGS,
  summary: 'Create an alert rule (admin): failure rate or p95 latency over a window',
  request: { body: jsonBody(CreateAlertRuleSchema) },
  responses: { 201: jsonResponse(AlertRuleSchema, 'Created'), ...errorResponses(400, 401, 403, 409, 413, 429) },
});

const listRules = createRoute({
  method: 'get',
  path: '/alert-rules',
  tags: BUDGET_TAGS,
  summary: 'Every alert rule',
  responses: { 200: jsonResponse(AlertRuleListSchema, 'Every rule, by name'), ...errorResponses(400, 401, 429) },
});

const getRule = createRoute({
  method: 'get',
  path: '/alert-rules/{id}',
  tags: BUDGET_TAGS,
  summary: 'An alert rule',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(AlertRuleSchema, 'The rule'), ...errorResponses(400, 401, 404, 429) },
});

const updateRule = createRoute({
  method: 'patch',
  path: '/alert-rules/{id}',
  tags: BUDGET_TAGS,
  summary: 'Change an alert rule (admin)',
  request: { params: IdParamSchema, body: jsonBody(UpdateAlertRuleSchema) },
  responses: { 200: jsonResponse(AlertRuleSchema, 'The changed rule'), ...errorResponses(400, 401, 403, 404, 409, 413, 429) },
});

const deleteRule = createRoute({
  method: 'delete',
  path: '/alert-rules/{id}',
  tags: BUDGET_TAGS,
  summary: 'Delete an alert rule (admin); its alerts stay',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(DeletedSchema, 'Deleted'), ...errorResponses(400, 401, 403, 404, 429) },
});

export function alertRuleRoutes(services: DomainServices): OpenAPIHono<AppEnv> {
  const router = createRouter();
  router.openapi(createRule, async (c) => c.json(await services.alertRules.create(c.req.valid('json')), 201));
  router.openapi(listRules, async (c) => c.json({ items: await services.alertRules.list() }, 200));
  router.openapi(getRule, async (c) => c.json(await services.alertRules.get(c.req.valid('param').id), 200));
  router.openapi(updateRule, async (c) => c.json(await services.alertRules.update(c.req.valid('param').id, c.req.valid('json')), 200));
  router.openapi(deleteRule, async (c) => c.json(await services.alertRules.delete(c.req.valid('param').id), 200));
  return router;
}
