export * from './entities';
export { createOrm, migrateDatabase, pendingMigrations, buildOrmConfig, type Orm, type OrmOptions } from './orm';
export { createTestDatabase, type TestDatabase } from './test-database';
export { queryPrepared } from './prepared-query';
