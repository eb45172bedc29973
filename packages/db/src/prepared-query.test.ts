import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryPrepared } from './prepared-query';
import { createTestDatabase, type TestDatabase } from './test-database';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await db.orm.em.fork().getConnection().execute('create table prepared_probe (id int primary key)');
});
afterAll(async () => {
  await db?.drop();
});

const INSERT = 'insert into prepared_probe (id) values ($1) returning id';
const count = async () => (await db.orm.em.fork().getConnection().execute<{ n: number }[]>('select count(*)::int as n from prepared_probe'))[0]?.n;

describe('queryPrepared', () => {
  it("runs inside the EntityManager's transaction: same transaction id, and rolled back with it", async () => {
    await expect(
      db.orm.em.fork().transactional(async (tx) => {
        const [prepared] = await queryPrepared<{ txid: string }>(tx, 'probe_txid', 'select txid_current()::text as txid', []);
        const [viaOrm] = await tx.getConnection().execute<{ txid: string }[]>('select txid_current()::text as txid', [], 'all', tx.getTransactionContext());
        expect(prepared?.txid).toBe(viaOrm?.txid);
        await queryPrepared(tx, 'probe_insert', INSERT, [1]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await count()).toBe(0);
  });

  it('commits on a pooled connection of its own outside a transaction, and reuses the statement by name', async () => {
    const em = db.orm.em.fork();
    expect(await queryPrepared<{ id: number }>(em, 'probe_insert', INSERT, [2])).toEqual([{ id: 2 }]);
    expect(await queryPrepared<{ id: number }>(em, 'probe_insert', INSERT, [3])).toEqual([{ id: 3 }]);
    expect(await count()).toBe(2);
  });
});
