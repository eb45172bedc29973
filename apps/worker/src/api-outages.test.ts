import { Writable } from 'node:stream';
import { createTestApp, type TestApp } from '@promptops/api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpProxy, type TcpProxy } from './testing/tcp-proxy';
import { until } from './testing/until';

// Issue 11 item 1: while PostgreSQL is unreachable every route that needs it answers 503
// `service_unavailable` with Retry-After, and the outage is logged once at warn, not as an error
// with a stack trace per request; the same for Redis on the routes that need it. The API talks to
// both through proxies the test cuts and restores.

const SERVER_URL = new URL(process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
const REDIS_URL = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');

let postgres: TcpProxy;
let redis: TcpProxy;
let t: TestApp;
const lines: string[] = [];
const logs = () => lines.map((line) => JSON.parse(line) as { level: number; msg: string; dependency?: string });
const logged = (msg: string) => logs().filter((line) => line.msg === msg);

beforeAll(async () => {
  postgres = await startTcpProxy({ host: SERVER_URL.hostname, port: Number(SERVER_URL.port || 5432) });
  redis = await startTcpProxy({ host: REDIS_URL.hostname, port: Number(REDIS_URL.port || 6379) });
  const serverUrl = new URL(SERVER_URL);
  serverUrl.host = `127.0.0.1:${postgres.port}`;
  const destination = new Writable({
    write: (chunk, _encoding, done) => {
      lines.push(String(chunk));
      done();
    },
  });
  // The rate limit's own Redis time-out (250 ms) could fire on a busy machine and log an outage of
  // its own; its once-per-outage logging is tested in rate-limit.test.ts.
  const env = { REDIS_URL: `redis://127.0.0.1:${redis.port}`, RATE_LIMIT_PER_MINUTE: '0' };
  t = await createTestApp(env, { logDestination: destination, serverUrl: serverUrl.toString() });
});
afterAll(async () => {
  // Closing drops the database and Redis keys through the proxies, so they must be up.
  await postgres?.restore().catch(() => undefined);
  await redis?.restore().catch(() => undefined);
  await t?.close();
  await postgres?.close();
  await redis?.close();
});

function expectUnavailable(response: { status: number; body: unknown; headers: Headers }, dependency: 'database' | 'redis', what: string) {
  expect(response.status, `${what}: ${JSON.stringify(response.body)}`).toBe(503);
  expect(response.headers.get('retry-after'), what).toBe('5');
  expect(response.body, what).toEqual({
    error: { type: 'service_unavailable', message: expect.stringMatching(/is unavailable; try again shortly$/), details: { dependency } },
  });
}

describe('the API while a dependency is away', () => {
  it('answers 503 with Retry-After on every database route while PostgreSQL is unreachable, logs it once per outage, and recovers', async () => {
    expect((await t.call('POST', '/v1/templates', { name: 'Outage', user_prompt_template: 'Hi {{ name }}', provider: 'mock' })).status).toBe(201);
    const before = lines.length;

    await postgres.cut();
    for (let round = 0; round < 2; round++) {
      expectUnavailable(await t.call('GET', '/v1/templates'), 'database', 'GET list');
      expectUnavailable(
        await t.call('POST', '/v1/templates', { name: `New ${round}`, user_prompt_template: 'x', provider: 'mock' }),
        'database',
        'POST create',
      );
      expectUnavailable(await t.call('POST', '/v1/executions', { template: 'Outage', context: { name: 'a' } }), 'database', 'POST execution');
      expectUnavailable(await t.call('GET', '/v1/executions?status=failed'), 'database', 'GET executions');
      const ready = await t.call('GET', '/readyz');
      expect(ready.status).toBe(503);
      expect(ready.headers.get('retry-after')).toBe('5');
      expect(ready.body).toMatchObject({ status: 'not_ready', checks: { database: { ok: false }, redis: { ok: true } } });
    }
    // The process itself is alive.
    expect((await t.call('GET', '/healthz')).status).toBe(200);

    const during = logs().slice(before);
    expect(during.filter((line) => line.level >= 40 && line.msg !== 'request')).toEqual([
      expect.objectContaining({ level: 40, msg: 'database unavailable: answering 503 until it answers again', dependency: 'database' }),
    ]);
    expect(lines.slice(before).join('\n')).not.toMatch(/"stack"|unhandled error|request failed/);

    await postgres.restore();
    await until(async () => (await t.call('GET', '/v1/templates')).status === 200, 20_000, 'the database to answer again');
    expect((await t.call('GET', '/v1/templates?name=Outage')).body.total).toBe(1);
    expect((await t.call('GET', '/readyz')).status).toBe(200);
    expect(logged('database available again')).toHaveLength(1);

    // A second outage is a second warning.
    await postgres.cut();
    expectUnavailable(await t.call('GET', '/v1/templates'), 'database', 'GET list, second outage');
    expect(logged('database unavailable: answering 503 until it answers again')).toHaveLength(2);
    await postgres.restore();
    await until(async () => (await t.call('GET', '/v1/templates')).status === 200, 20_000, 'the database to answer again');
  }, 90_000);

  it('answers 503 on the routes that need Redis while it is unreachable, serves the others, and logs it once', async () => {
    const before = lines.length;
    await redis.cut();
    for (let round = 0; round < 3; round++) {
      expectUnavailable(await t.call('GET', '/admin/queues/api/queues'), 'redis', 'queue dashboard');
      // Listing needs only PostgreSQL.
      expect((await t.call('GET', '/v1/templates')).status).toBe(200);
    }
    const ready = await t.call('GET', '/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'not_ready', checks: { database: { ok: true }, redis: { ok: false } } });

    const during = logs().slice(before);
    const warnings = during.filter((line) => line.level >= 40 && line.msg !== 'request').map((line) => line.msg);
    // The API's outage line and the connection's own, once each.
    expect(warnings.sort()).toEqual(['redis connection lost; reconnecting', 'redis unavailable: answering 503 until it answers again']);
    expect(during.some((line) => line.level >= 50)).toBe(false);

    await redis.restore();
    await until(async () => (await t.call('GET', '/admin/queues/api/queues')).status === 200, 20_000, 'Redis to answer again');
    expect((await t.call('GET', '/readyz')).status).toBe(200);
    expect(logged('redis available again')).toHaveLength(1);
    expect(logged('redis connection restored')).toHaveLength(1);
  }, 90_000);
});
