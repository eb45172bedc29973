import { randomBytes } from 'node:crypto';
import { createOrm, migrateDatabase, type Orm } from './orm';

export interface TestDatabase {
  orm: Orm;
  databaseUrl: string;
  /** Closes the ORM and drops the database. */
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * A fresh, migrated database with a unique name, so test files can run in parallel against the same
 * server without seeing each other's rows.
 */
export async function createTestDatabase(baseUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'): Promise<TestDatabase> {
  const name = `promptops_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const databaseUrl = withDatabase(baseUrl, name);
  const orm = await createOrm(databaseUrl, { poolMax: 5 });
  await migrateDatabase(orm);
  return {
    orm,
    databaseUrl,
    async drop() {
      await orm.close(true);
      const admin = await createOrm(withDatabase(baseUrl, 'postgres'), { poolMax: 1 });
      try {
        await admin.em.getConnection().execute(`drop database if exists "${name}" with (force)`);
      } finally {
        await admin.close(true);
      }
    },
  };
}
