import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { DomainServices } from '@promptops/domain';
import { ProviderCatalogSchema } from '@promptops/validators';
import type { AppEnv } from '../../http/app-env';
import { createRouter } from '../../http/create-router';

const listProviders = createRoute({
  method: 'get',
  path: '/providers',
  tags: ['Executions'],
  summary: 'Configured providers (configuration order, then mock) and what `auto` resolves to',
  responses: { 200: { description: 'The providers', content: { 'application/json': { schema: ProviderCatalogSchema } } } },
});

export function providerRoutes(services: DomainServices): OpenAPIHono<AppEnv> {
  const router = createRouter();
  router.openapi(listProviders, (c) => c.json(services.executions.providers(), 200));
  return router;
}
