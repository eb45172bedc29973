import { Writable } from 'node:stream';
import { MikroORM } from '@mikro-orm/postgresql';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@promptops/config';
import { buildOrmConfig, createTestDatabase, type Orm, type TestDatabase } from '@promptops/db';
import { InvalidRequestError } from '@promptops/errors';
import { DependencyOutages } from './dependency-outages';
import { createErrorHandler } from './error-handler';

// Issue 11 item 1, error by error: what PostgreSQL and its drivers raise when the database cannot
// serve anyone (SQLSTATE classes 08 and 57, a pool with no free connection) answers 503 with
// Retry-After; what a request's own values cause keeps its 4xx, and a bug is still a 500. Every
// error here is a real one, raised by a real PostgreSQL server.

let db: TestDatabase;
/** One connection, given up on after 300 ms, so the pool can be exhausted on purpose. */
let tinyPool: Orm;
const lines: string[] = [];
const logs = () => lines.map((line) => JSON.parse(line) as { level: number; msg: string; reason?: string });

const app = new Hono();
const logger = createLogger({
  level: 'info',
  destination: new Writable({
    write: (chunk, _encoding, done) => {
      lines.push(String(chunk));
      done();
    },
  }),
});
const outages = new DependencyOutages(logger);
app.onError(createErrorHandler(logger, outages));
const sql = (query: string) => tinyPool.em.fork().getConnection().execute(query);
app.get('/terminated', async () => {
  // SQLSTATE 57P01, as when an administrator or a failover ends the session.
  await sql('select pg_terminate_backend(pg_backend_pid())');
  throw new Error('unreachable');
});
app.get('/cancelled', async () => {
  // SQLSTATE 57014: the statement outlived statement_timeout.
  await tinyPool.em.fork().transactional(async (tx) => {
    const ctx = tx.getTransactionContext();
    await tx.getConnection().execute('set local statement_timeout = 50', [], 'run', ctx);
    await tx.getConnection().execute('select pg_sleep(5)', [], 'run', ctx);
  });
  throw new Error('unreachable');
});
app.get('/pool-exhausted', async () => {
  // The only connection is held by an open transaction, so the next query finds none in time.
  await tinyPool.em.fork().transactional(async () => {
    await sql('select 1');
  });
  throw new Error('unreachable');
});
app.get('/ok', async (c) => c.json(await sql('select 1 as one')));
app.get('/bad-date', async () => {
  await sql(`select '2024-13-45'::date`);
  throw new Error('unreachable');
});
app.get('/quoted', async () => {
  // The failed SQL, quoted in the driver's message, holds words of a lost connection.
  await sql(`select 'Connection terminated'::date`);
  throw new Error('unreachable');
});
app.get('/refused', () => {
  throw new InvalidRequestError('Connection terminated');
});
app.get('/bug', () => {
  throw new TypeError('a bug');
});

beforeAll(async () => {
  db = await createTestDatabase();
  const config = buildOrmConfig(db.databaseUrl, { poolMax: 1 });
  tinyPool = await MikroORM.init({ ...config, driverOptions: { acquireConnectionTimeout: 300 } });
});
afterAll(async () => {
  await tinyPool?.close(true);
  await db?.drop();
});

async function expectUnavailable(path: string) {
  const response = await app.request(path);
  expect(response.status, path).toBe(503);
  expect(response.headers.get('retry-after'), path).toBe('5');
  expect(await response.json(), path).toEqual({
    error: { type: 'service_unavailable', message: 'The database is unavailable; try again shortly', details: { dependency: 'database' } },
  });
}

describe('the error handler and an unavailable database', () => {
  it('answers 503 with Retry-After for SQLSTATE class 57 and an exhausted pool, warning once for the outage', async () => {
    await expectUnavailable('/cancelled');
    await expectUnavailable('/pool-exhausted');
    // Last: the pool learns only a moment later that this connection is gone.
    await expectUnavailable('/terminated');
    const warnings = logs().filter((line) => line.level >= 40);
    expect(warnings).toEqual([
      expect.objectContaining({ level: 40, msg: 'database unavailable: answering 503 until it answers again', reason: 'sqlstate 57014' }),
    ]);

    // The pool replaces the terminated connection at its own pace; then a new outage begins.
    for (const deadline = Date.now() + 10_000; (await app.request('/ok')).status !== 200; ) {
      if (Date.now() > deadline) throw new Error('the pool did not reconnect');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    outages.recovered('database');
    expect(logs().at(-1)).toMatchObject({ level: 30, msg: 'database available again', failed_requests: expect.any(Number) });
    await expectUnavailable('/pool-exhausted');
    expect(logs().at(-1)).toMatchObject({ level: 40, reason: 'no pooled connection in time' });
  });

  it('keeps 400 for a value the database cannot take or a request refused on purpose, whatever their words, and 500 for a bug', async () => {
    const badDate = await app.request('/bad-date');
    expect(badDate.status).toBe(400);
    const quoted = await app.request('/quoted');
    expect(quoted.status).toBe(400);
    expect(((await quoted.json()) as { error: unknown }).error).toMatchObject({ details: { sqlstate: '22007' } });
    expect((await app.request('/refused')).status).toBe(400);
    expect(((await badDate.json()) as { error: unknown }).error).toMatchObject({ type: 'invalid_request', details: { sqlstate: '22008' } });
    const bug = await app.request('/bug');
    expect(bug.status).toBe(500);
    expect(bug.headers.get('retry-after')).toBeNull();
    expect(logs().at(-1)).toMatchObject({ level: 50, msg: 'unhandled error' });
  });
});
