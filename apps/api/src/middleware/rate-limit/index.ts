import type { Context, MiddlewareHandler } from 'hono';
import type { Redis } from 'ioredis';
import { withTimeout } from '@promptops/domain';
import { RateLimitedError } from '@promptops/errors';
import { countInWindow, type WindowCount } from '@promptops/queue';
import type { AppEnv } from '../../http/app-env';
import { clientAddressOf } from '../../http/client-address';
import type { DependencyOutages } from '../../http/dependency-outages';

export interface RateLimitOptions {
  /** Shared with the queues, so every API process counts against the same window. */
  connection: Redis;
  keyPrefix: string;
  limitPerMinute: number;
  /** Told when Redis does not answer, and when it answers again, so an outage is logged once. */
  outages: DependencyOutages;
  /** How long to wait for Redis before letting the request through uncounted. Default 250. */
  redisTimeoutMs?: number;
}

const WINDOW_MS = 60_000;

/** Requests are counted per API key, or per client address when no key is used. */
function clientOf(c: Context<AppEnv>): string {
  const principal = c.get('principal');
  if (principal?.kind === 'api_key') return `key:${principal.key_id}`;
  const client = clientAddressOf(c);
  return client.kind === 'in_process' ? 'in-process' : `ip:${client.address ?? 'unknown'}`;
}

/**
 * A fixed one-minute window per client in Redis; over the limit answers 429 with Retry-After.
 * When Redis does not answer in time the request goes through: readiness reports Redis, and an
 * outage of the abuse guard should not take the whole API down with it.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  if (!Number.isInteger(options.limitPerMinute) || options.limitPerMinute < 1) {
    throw new Error('limitPerMinute must be a positive integer; leave the middleware out to disable limiting');
  }
  const timeoutMs = options.redisTimeoutMs ?? 250;
  return async function limitRequests(c, next) {
    const now = Date.now();
    let window: WindowCount;
    try {
      window = await withTimeout(
        countInWindow(options.connection, `${options.keyPrefix}:api-rate:${clientOf(c)}`, WINDOW_MS, now),
        timeoutMs,
        'rate limit counter timed out',
      );
    } catch (error) {
      options.outages.failed('redis', error instanceof Error ? error.message : String(error), 'the rate limit is not applied');
      return next();
    }
    options.outages.recovered('redis');
    c.header('RateLimit-Limit', String(options.limitPerMinute));
    c.header('RateLimit-Remaining', String(Math.max(0, options.limitPerMinute - window.count)));
    if (window.count > options.limitPerMinute) {
      const retryAfterSeconds = Math.max(1, Math.ceil((window.resetsAt - now) / 1000));
      throw new RateLimitedError(`Rate limit of ${options.limitPerMinute} requests per minute exceeded`, retryAfterSeconds, {
        limit_per_minute: options.limitPerMinute,
        retry_after_seconds: retryAfterSeconds,
      });
    }
    return next();
  };
}
