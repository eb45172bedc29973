import { Hono } from 'hono';
import type { Telemetry } from '@promptops/telemetry';

/**
 * Prometheus exposition of this process's registry. Authentication and authorization treat
 * `/metrics` as admin-only, with METRICS_TOKEN accepted as well, so no check is repeated here.
 */
export function metricsRoutes(telemetry: Pick<Telemetry, 'metrics' | 'contentType'>): Hono {
  const app = new Hono();
  app.get('/metrics', async (c) => c.body(await telemetry.metrics(), 200, { 'content-type': telemetry.contentType }));
  return app;
}
