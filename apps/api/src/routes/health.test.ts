import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/create-test-app';

let t: TestApp;
const sql = (query: string) => t.db.orm.em.fork().getConnection().execute(query);

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t?.close();
});

describe('health probes', () => {
  it('reports liveness, and readiness once PostgreSQL and Redis answer with every migration applied', async () => {
    expect(await t.call('GET', '/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await t.call('GET', '/readyz')).toMatchObject({
      status: 200,
      body: { status: 'ready', checks: { database: { ok: true }, redis: { ok: true } } },
    });
  });

  it('is not ready while a migration is pending, and never creates the migrations table itself', async () => {
    await sql(`delete from mikro_orm_migrations where name like '0004%'`);
    const pending = await t.call('GET', '/readyz');
    expect(pending.status).toBe(503);
    expect(pending.body.checks.database).toEqual({ ok: false, error: 'pending migrations: 0004-evaluation-runs' });

    await sql('drop table mikro_orm_migrations');
    const none = await t.call('GET', '/readyz');
    expect(none.status).toBe(503);
    expect(none.body.checks.database.error).toMatch(/^pending migrations: 0001-initial-schema, /);
    expect(await sql(`select to_regclass('mikro_orm_migrations') as found`)).toEqual([{ found: null }]);
  });
});
