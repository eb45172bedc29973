import type { Command } from 'commander';
import { withDatabaseErrors } from '../errors/database-errors';
import { loadConfigOrExit } from '../process-lifecycle';

export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('database maintenance');
  db.command('migrate')
    .description('create the database if it does not exist and apply pending migrations')
    .action(async () => {
      const { config } = loadConfigOrExit({ logTo: 'stderr' });
      const { createOrm, migrateDatabase } = await import('@promptops/db');
      await withDatabaseErrors(config.databaseUrl, async () => {
        const orm = await createOrm(config.databaseUrl);
        try {
          const applied = await migrateDatabase(orm);
          process.stdout.write(applied.length > 0 ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
        } finally {
          await orm.close(true);
        }
      });
    });
}
