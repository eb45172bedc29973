/**
 * Writes a migration for the difference between the entities and a database that has every
 * committed migration applied. Usage: npm run db:migration:create -w @promptops/db [-- --initial]
 */
import { createTestDatabase } from '../src/test-database';

const db = await createTestDatabase();
try {
  const initial = process.argv.includes('--initial');
  const result = initial ? await db.orm.migrator.createInitialMigration() : await db.orm.migrator.createMigration();
  console.log(result.fileName ? `created ${result.fileName}; add it to src/migrations/index.ts` : 'no changes');
} finally {
  await db.drop();
}
