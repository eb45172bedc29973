import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from '@promptops/errors';
import type { ApiDependencies } from '../app';
import type { AppEnv } from '../http/app-env';
import { createRouter } from '../http/create-router';

const LivenessSchema = z.object({ status: z.literal('ok') }).openapi('Liveness');
const ReadinessSchema = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    checks: z
      .record(z.string(), z.object({ ok: z.boolean(), error: z.string().optional() }))
      .openapi({ example: { database: { ok: true }, redis: { ok: true } } }),
  })
  .openapi('Readiness');

const livenessRoute = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['Health'],
  summary: 'Liveness: the process answers',
  security: [],
  responses: { 200: { description: 'Alive', content: { 'application/json': { schema: LivenessSchema } } } },
});

const readinessRoute = createRoute({
  method: 'get',
  path: '/readyz',
  tags: ['Health'],
  summary: 'Readiness: PostgreSQL (with every migration applied) and Redis answer',
  security: [],
  responses: {
    200: { description: 'Ready', content: { 'application/json': { schema: ReadinessSchema } } },
    503: { description: 'A dependency is down or a migration is pending', content: { 'application/json': { schema: ReadinessSchema } } },
  },
});

/** Liveness and readiness, outside `/v1` and served without credentials. */
export function healthRoutes(deps: ApiDependencies): OpenAPIHono<AppEnv> {
  const router = createRouter();
  router.openapi(livenessRoute, (c) => c.json({ status: 'ok' as const }, 200));
  router.openapi(readinessRoute, async (c) => {
    const checks: Record<string, { ok: boolean; error?: string }> = {};
    const all: Record<string, () => Promise<void>> = {
      database: () => deps.services.health.checkDatabase(),
      redis: () => deps.services.health.checkQueues(),
    };
    await Promise.all(
      Object.entries(all).map(async ([name, check]) => {
        try {
          await check();
          checks[name] = { ok: true };
        } catch (error) {
          checks[name] = { ok: false, error: (error as Error).message };
        }
      }),
    );
    const ready = Object.values(checks).every((check) => check.ok);
    if (ready) return c.json({ status: 'ready' as const, checks }, 200);
    // Like every other 503: a dependency is down, so ask again in a few seconds.
    c.header('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    return c.json({ status: 'not_ready' as const, checks }, 503);
  });
  return router;
}
