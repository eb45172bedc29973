import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { fileURLToPath } from 'node:url';
import { Migrator } from '@mikro-orm/migrations';
import { ALL_ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export type Orm = MikroORM;

const MIGRATIONS_TABLE = 'mikro_orm_migrations';

export interface OrmOptions {
  /** Pool size per process; each API or worker process holds its own pool. */
  poolMax?: number;
  debug?: boolean;
}

export function buildOrmConfig(databaseUrl: string, options: OrmOptions = {}): Options {
  return {
    clientUrl: databaseUrl,
    entities: ALL_ENTITIES,
    extensions: [Migrator],
    // Entities are plain schemas; discovery must not try to read TS source for metadata.
    discovery: { warnWhenNoEntities: true },
    pool: { min: 0, max: options.poolMax ?? 10 },
    debug: options.debug ?? false,
    // Fork per request/job explicitly; a shared global context would leak state between them.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    migrations: {
      migrationsList: MIGRATIONS,
      // Only used when generating a new migration file.
      path: fileURLToPath(new URL('./migrations', import.meta.url)),
      pathTs: fileURLToPath(new URL('./migrations', import.meta.url)),
      tableName: MIGRATIONS_TABLE,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      silent: true,
    },
  };
}

/** Connects without touching the schema; use `migrateDatabase` to create and upgrade it. */
export async function createOrm(databaseUrl: string, options: OrmOptions = {}): Promise<Orm> {
  return MikroORM.init(buildOrmConfig(databaseUrl, options));
}

/** Creates the database when it does not exist, then applies every pending migration. */
export async function migrateDatabase(orm: Orm): Promise<string[]> {
  await orm.schema.ensureDatabase();
  const applied = await orm.migrator.up();
  return applied.map((migration) => migration.name);
}

/**
 * Migrations in MIGRATIONS not recorded as applied. Read-only on purpose: the migrator's own
 * `getPendingMigrations` creates the database and its migrations table when missing, which a
 * readiness probe must never do.
 */
export async function pendingMigrations(orm: Orm): Promise<string[]> {
  const connection = orm.em.getConnection();
  const [table] = await connection.execute<{ found: string | null }[]>(`select to_regclass(?) as found`, [MIGRATIONS_TABLE]);
  if (!table?.found) return MIGRATIONS.map((migration) => migration.name);
  const rows = await connection.execute<{ name: string }[]>(`select name from ${MIGRATIONS_TABLE}`);
  // Recorded names may carry the source extension depending on how the migration was run.
  const applied = new Set(rows.map((row) => row.name.replace(/\.[jt]s$/, '')));
  return MIGRATIONS.map((migration) => migration.name).filter((name) => !applied.has(name));
}
