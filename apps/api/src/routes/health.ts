import { Hono } from 'hono';
import type { ApiDependencies } from '../app';

/** Liveness and readiness; these stay outside `/v1` and, later, outside authentication. */
export function healthRoutes(deps: ApiDependencies): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
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
    return c.json({ status: ready ? 'ready' : 'not_ready', checks }, ready ? 200 : 503);
  });
  return app;
}
