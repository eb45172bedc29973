import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Telemetry } from '@promptops/telemetry';
import type { AppEnv } from '../http/app-env';
import { createRouter } from '../http/create-router';
import { errorResponses } from '../http/common-schemas';

const metricsRoute = createRoute({
  method: 'get',
  path: '/metrics',
  tags: ['Health'],
  summary: 'Prometheus metrics of this process',
  description: 'Needs an admin key, or METRICS_TOKEN as the bearer token (accepted on this path only).',
  responses: {
    200: { description: 'Prometheus text exposition format', content: { 'text/plain': { schema: z.string() } } },
    ...errorResponses(401, 403),
  },
});

/**
 * Prometheus exposition of this process's registry. Authentication and authorization treat
 * `/metrics` as admin-only, with METRICS_TOKEN accepted as well, so no check is repeated here.
 */
export function metricsRoutes(telemetry: Pick<Telemetry, 'metrics' | 'contentType'>): OpenAPIHono<AppEnv> {
  const router = createRouter();
  router.openapi(metricsRoute, async (c) => c.text(await telemetry.metrics(), 200, { 'Content-Type': telemetry.contentType }));
  return router;
}
