import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Telemetry } from './telemetry';

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

const BEARER = /^Bearer +(\S+) *$/i;

function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return bare === 'localhost' || bare === '::1' || bare.startsWith('127.') || bare.startsWith('::ffff:127.');
}

function authorised(request: IncomingMessage, token: string | undefined): boolean {
  if (!token) return true;
  const presented = BEARER.exec(request.headers.authorization ?? '')?.[1];
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Serves GET /metrics for a process without the HTTP API (a stand-alone `promptops worker`), so
 * Prometheus can scrape the worker's own histograms and counters. Like the API, it refuses to be
 * reachable from the network without a token. GET /healthz answers without one, as the API's does:
 * it says only that the process is alive, for a container health check.
 */
export function startMetricsServer(telemetry: Pick<Telemetry, 'metrics' | 'contentType'>, options: MetricsServerOptions): Promise<RunningMetricsServer> {
  if (!options.token && !isLoopbackHost(options.host)) {
    return Promise.reject(
      new Error(`Refusing to serve worker metrics on ${options.host} without METRICS_TOKEN; set METRICS_TOKEN or HOST=127.0.0.1`),
    );
  }
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/healthz' && (request.method === 'GET' || request.method === 'HEAD')) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(request.method === 'HEAD' ? undefined : '{"status":"ok"}\n');
      return;
    }
    if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    if (!authorised(request, options.token)) {
      response.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' }).end('unauthorized\n');
      return;
    }
    try {
      const body = await telemetry.metrics();
      response.writeHead(200, { 'content-type': telemetry.contentType }).end(request.method === 'HEAD' ? undefined : body);
    } catch (error) {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics failed: ${(error as Error).message}\n`);
    }
  };
  const server = createServer((request, response) => void handle(request, response));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const address = server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${host}:${address.port}/metrics`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeIdleConnections();
          }),
      });
    });
  });
}
