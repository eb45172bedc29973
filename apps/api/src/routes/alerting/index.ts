import type { OpenAPIHono } from '@hono/zod-openapi';
import type { DomainServices } from '@promptops/domain';
import type { AppEnv } from '../../http/app-env';
import { createRouter } from '../../http/create-router';
import { alertRoutes } from './alert-routes';
import { alertRuleRoutes } from './alert-rule-routes';
import { budgetRoutes } from './budget-routes';
import { webhookRoutes } from './webhook-routes';

/** Budgets, alert rules, alerts and webhooks. */
export function alertingRoutes(services: DomainServices): OpenAPIHono<AppEnv> {
  const router = createRouter();
  router.route('/', budgetRoutes(services));
  router.route('/', alertRuleRoutes(services));
  router.route('/', alertRoutes(services));
  router.route('/', webhookRoutes(services));
  return router;
}
