// The server entry only: the API's main entry would load every route into the worker.
import { startApiServer } from '@promptops/api/server';
import type { Telemetry } from '@promptops/telemetry';
import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { HTTPException } from 'hono/http-exception';

export interface MetricsServerOptions {
  host: string;
  port: number;
  /** When set, scrapes must send `Authorization: Bearer <token>` (METRICS_TOKEN). */
  token?: string | undefined;
}

export interface RunningMetricsServer {
  url: string;
  close(): Promise<void>;
}

type MetricsSource = Pick<Telemetry, 'metrics' | 'contentType'>;

function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return bare === 'localhost' || bare === '::1' || bare.startsWith('127.') || bare.startsWith('::ffff:127.');
}

/**
 * GET /metrics, behind the token when there is one, and GET /healthz without it, as the API's is:
 * it says only that the process is alive, for a container health check.
 */
function metricsApp(telemetry: MetricsSource, token: string | undefined): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  if (token) app.use('/metrics', bearerAuth({ token }));
  app.get('/metrics', async (c) => c.body(await telemetry.metrics(), 200, { 'content-type': telemetry.contentType }));
  // bearerAuth refuses with an HTTPException carrying its 401 (and WWW-Authenticate) response.
  app.onError((error, c) => (error instanceof HTTPException ? error.getResponse() : c.text(`metrics failed: ${error.message}\n`, 500)));
  return app;
}

/**
 * Serves the metrics of a process without the HTTP API (a stand-alone `promptops worker`), so
 * Prometheus can scrape the worker's own histograms and counters. Like the API, it refuses to be
 * reachable from the network without a token.
 */
export async function startMetricsServer(telemetry: MetricsSource, options: MetricsServerOptions): Promise<RunningMetricsServer> {
  if (!options.token && !isLoopbackHost(options.host)) {
    throw new Error(`Refusing to serve worker metrics on ${options.host} without METRICS_TOKEN; set METRICS_TOKEN or HOST=127.0.0.1`);
  }
  const server = await startApiServer(metricsApp(telemetry, options.token), { host: options.host, port: options.port });
  return { url: `${server.url}/metrics`, close: () => server.close() };
}
