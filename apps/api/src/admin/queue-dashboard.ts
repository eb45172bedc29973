import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Queue } from 'bullmq';
import { Hono, type MiddlewareHandler } from 'hono';
import type { Redis } from 'ioredis';
import { withTimeout } from '@promptops/domain';
import { ServiceUnavailableError } from '@promptops/errors';
import type { DependencyOutages } from '../http/dependency-outages';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

const ERROR_TYPES: Record<number, string> = { 400: 'invalid_request', 403: 'forbidden', 404: 'not_found', 405: 'method_not_allowed', 409: 'conflict' };

/**
 * The dashboard's JSON API answers errors as `{error: {key, options}}` for its own UI; this adds the
 * platform's `type`, `message` and `details` beside those fields, so its errors have the standard
 * shape too and the UI still finds what it reads.
 */
const standardErrorBodies: MiddlewareHandler = async (c, next) => {
  await next();
  const status = c.res.status;
  if (status < 400 || !c.res.headers.get('content-type')?.includes('application/json')) return;
  const body = (await c.res
    .clone()
    .json()
    .catch(() => null)) as { error?: Record<string, unknown> } | null;
  const error = body?.error;
  if (!error || typeof error !== 'object' || typeof error.type === 'string') return;
  const standard = {
    type: ERROR_TYPES[status] ?? (status >= 500 ? 'internal_error' : 'invalid_request'),
    message: typeof error.key === 'string' ? error.key : 'Request failed',
    details: error.options ?? null,
  };
  const headers = new Headers(c.res.headers);
  headers.delete('content-length');
  c.res = undefined;
  c.res = new Response(JSON.stringify({ ...body, error: { ...error, ...standard } }), { status, headers });
};

/** How long the board's API waits for Redis to answer before giving up with 503. */
const REDIS_TIMEOUT_MS = 2000;

/**
 * Every answer of the board's API is read from Redis, whose commands wait through reconnects: while
 * Redis is away they would hang for as long as it is, so the API answers 503 at once instead (or
 * after REDIS_TIMEOUT_MS when Redis is connected but silent).
 */
function redisAnswering(redis: Redis, outages: DependencyOutages): MiddlewareHandler {
  return async function requireRedis(_c, next) {
    if (redis.status !== 'ready') throw new ServiceUnavailableError('redis', `connection ${redis.status}`);
    try {
      await withTimeout(redis.ping(), REDIS_TIMEOUT_MS, 'redis did not answer a ping in time');
    } catch (error) {
      throw new ServiceUnavailableError('redis', error instanceof Error ? error.message : String(error));
    }
    outages.recovered('redis');
    await next();
  };
}

/** A stylesheet or script the board's page would load from another origin (its web fonts). */
const EXTERNAL_RESOURCE = /<(?:link|script)\b[^>]*\b(?:href|src)=["']?(?:https?:)?\/\/[^>]*>(?:\s*<\/script>)?\s*/gi;

/**
 * The board's page asks a font CDN for its typeface; self-hosters run air-gapped, so the page is
 * served without any outside resource and falls back to the system fonts.
 */
const withoutExternalResources: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.res.headers.get('content-type')?.includes('text/html')) return;
  const { status } = c.res;
  const page = (await c.res.text()).replace(EXTERNAL_RESOURCE, '');
  const headers = new Headers(c.res.headers);
  headers.delete('content-length');
  c.res = undefined;
  c.res = new Response(page, { status, headers });
};

/**
 * Bull Board over every queue the platform uses, served under QUEUE_DASHBOARD_PATH. It is
 * read-only: PostgreSQL holds each execution's and run's state, and a retry from the board would
 * turn the job green while the execution or run stays failed. Re-runs go through the API
 * (`POST /v1/executions/{id}/rerun`, `POST /v1/runs/{id}/rerun-failed`).
 */
export function queueDashboard(queues: Queue[], redis: { connection: Redis; outages: DependencyOutages }): Hono {
  const serverAdapter = new HonoAdapter(serveStatic);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: true })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'PromptOps queues', miscLinks: [{ text: 'Console', url: '/' }] } },
  });
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  const dashboard = new Hono();
  dashboard.use('/api/*', standardErrorBodies);
  dashboard.use('/api/*', redisAnswering(redis.connection, redis.outages));
  dashboard.use('*', withoutExternalResources);
  dashboard.route('/', serverAdapter.registerPlugin());
  return dashboard;
}
