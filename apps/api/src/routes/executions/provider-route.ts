import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { DomainServices } from '@promptops/domain';
import type { AppEnv } from '../../http/app-env';
import { createRouter } from '../../http/create-router';

const ProviderCatalogSchema = z
  .object({
    items: z.array(
      z.object({
        name: z.string().openapi({ example: 'openai' }),
        default_model: z.string().openapi({ description: 'Used when a template or request names no model; empty when unknown' }),
        supports_json_schema: z.boolean().openapi({ description: 'Whether structured output is requested with a JSON Schema' }),
      }),
    ),
    auto: z.string().openapi({ description: 'The provider `auto` stands for here', example: 'mock' }),
  })
  .openapi('ProviderCatalog');

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
