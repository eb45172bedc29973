import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { Hono } from 'hono';
import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '@promptops/config';
import { createRedisConnection, removeKeysWithPrefix } from '@promptops/queue';
import type { AppEnv } from '../../http/app-env';
import { DependencyOutages } from '../../http/dependency-outages';
import { createErrorHandler } from '../../http/error-handler';
import { rateLimit } from '.';

const redis = createRedisConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const prefix = `test-rate-${randomBytes(4).toString('hex')}`;
const logger = createLogger({ level: 'silent' });

afterAll(async () => {
  await removeKeysWithPrefix(redis, prefix);
  redis.disconnect();
});

function appLimitedTo(limitPerMinute: number, connection: Redis = redis, outages = new DependencyOutages(logger)) {
  const app = new Hono<AppEnv>();
  app.onError(createErrorHandler(logger));
  app.use('*', async (c, next) => {
    const key = c.req.header('x-test-key');
    if (key) c.set('principal', { kind: 'api_key', key_id: key, name: key, scopes: ['read'] });
    await next();
  });
  app.use('*', rateLimit({ connection, keyPrefix: prefix, limitPerMinute, outages, redisTimeoutMs: 100 }));
  app.get('*', (c) => c.json({ ok: true }));
  return app;
}

describe('rateLimit', () => {
  it('answers 429 with Retry-After and the standard error body past the limit, per key', async () => {
    const app = appLimitedTo(3);
    const as = (key: string) => app.request('/v1/x', { headers: { 'x-test-key': key } });
    for (let i = 0; i < 3; i++) expect((await as('a')).status).toBe(200);
    const limited = await as('a');
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await limited.json()).toMatchObject({ error: { type: 'rate_limited', details: { limit_per_minute: 3 } } });
    expect((await as('b')).status).toBe(200);
  });

  it('counts clients without a key by address', async () => {
    const app = appLimitedTo(1);
    const from = (remoteAddress: string) => app.request('/v1/x', {}, { incoming: { socket: { remoteAddress } } });
    expect((await from('10.0.0.1')).status).toBe(200);
    expect((await from('10.0.0.1')).status).toBe(429);
    expect((await from('10.0.0.2')).status).toBe(200);
  });

  it('lets requests through when Redis does not answer in time, logging the outage once', async () => {
    const lines: string[] = [];
    const outages = new DependencyOutages(
      createLogger({
        level: 'info',
        destination: new Writable({
          write: (chunk, _encoding, done) => {
            lines.push(String(chunk));
            done();
          },
        }),
      }),
    );
    const hanging = { multi: () => ({ incr: () => ({ pexpire: () => ({ exec: () => new Promise(() => {}) }) }) }) } as unknown as Redis;
    const app = appLimitedTo(1, hanging, outages);
    for (let i = 0; i < 3; i++) expect((await app.request('/v1/x')).status).toBe(200);
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({
        level: 40,
        msg: 'redis unavailable: the rate limit is not applied until it answers again',
        reason: 'rate limit counter timed out',
      }),
    ]);
    // A count that Redis answers ends the outage.
    expect((await appLimitedTo(5, redis, outages).request('/v1/x')).status).toBe(200);
    expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({ level: 30, msg: 'redis available again', failed_requests: 3 });
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => appLimitedTo(0)).toThrow(/positive integer/);
  });
});
