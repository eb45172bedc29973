import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { DomainServices } from '@promptops/domain';
import { BudgetListSchema, BudgetSchema, CreateBudgetSchema, DeletedSchema, UpdateBudgetSchema } from '@promptops/validators';
import type { AppEnv } from '../../http/app-env';
import { errorResponses, IdParamSchema, jsonBody, jsonResponse } from '../../http/common-schemas';
import { createRouter } from '../../http/create-router';
import { BUDGET_TAGS } from './alerting-schemas';

const createBudget = createRoute({
  method: 'post',
  path: '/budgets',
  tags: BUDGET_TAGS,
  summary: 'Create a budget (admin): a template name, a provider or everything, per UTC day or month, in USD or tokens',
  request: { body: jsonBody(CreateBudgetSchema) },
  responses: { 201: jsonResponse(BudgetSchema, 'Created'), ...errorResponses(400, 401, 403, 409, 413, 429) },
});

const listBudgets = createRoute({
  method: 'get',
  path: '/budgets',
  tags: BUDGET_TAGS,
  summary: "Every budget with its current period's spend",
  responses: { 200: jsonResponse(BudgetListSchema, 'Every budget, by name'), ...errorResponses(400, 401, 429) },
});

const getBudget = createRoute({
  method: 'get',
  path: '/budgets/{id}',
  tags: BUDGET_TAGS,
  summary: "A budget with its current period's spend",
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(BudgetSchema, 'The budget'), ...errorResponses(400, 401, 404, 429) },
});

const updateBudget = createRoute({
  method: 'patch',
  path: '/budgets/{id}',
  tags: BUDGET_TAGS,
  summary: 'Change a budget (admin); raising a spent hard limit admits submissions again at once',
  request: { params: IdParamSchema, body: jsonBody(UpdateBudgetSchema) },
  responses: { 200: jsonResponse(BudgetSchema, 'The changed budget'), ...errorResponses(400, 401, 403, 404, 409, 413, 429) },
});

const deleteBudget = createRoute({
  method: 'delete',
  path: '/budgets/{id}',
  tags: BUDGET_TAGS,
  summary: 'Delete a budget (admin); its alerts stay',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(DeletedSchema, 'Deleted'), ...errorResponses(400, 401, 403, 404, 429) },
});

export function budgetRoutes(services: DomainServices): OpenAPIHono<AppEnv> {
  const router = createRouter();
  router.openapi(createBudget, async (c) => c.json(await services.budgets.create(c.req.valid('json')), 201));
  router.openapi(listBudgets, async (c) => c.json({ items: await services.budgets.list() }, 200));
  router.openapi(getBudget, async (c) => c.json(await services.budgets.get(c.req.valid('param').id), 200));
  router.openapi(updateBudget, async (c) => c.json(await services.budgets.update(c.req.valid('param').id, c.req.valid('json')), 200));
  router.openapi(deleteBudget, async (c) => c.json(await services.budgets.delete(c.req.valid('param').id), 200));
  return router;
}
