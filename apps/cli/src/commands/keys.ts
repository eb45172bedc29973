import type { Command } from 'commander';
import Table from 'cli-table3';
import { withPlatform } from '../with-platform';

/**
 * Key management talks to the database directly, like `db` and `seed`: whoever can reach the
 * database is an operator, and the very first key has to come from somewhere before the API has one.
 */
export function registerKeyCommands(program: Command): void {
  const keys = program.command('keys').description('create, list and revoke API keys');

  keys
    .command('create')
    .description('create an API key and print it once')
    .requiredOption('--name <name>', 'what the key is for, e.g. ci')
    .option('--scope <scopes>', 'comma-separated: read, write, admin (admin includes write, write includes read)', 'read')
    .option('--json', 'print the key and its record as JSON')
    .action((options: { name: string; scope: string; json?: boolean }) =>
      withPlatform(async ({ services }) => {
        const created = await services.apiKeys.create({ name: options.name, scopes: options.scope.split(',') });
        if (options.json) {
          process.stdout.write(`${JSON.stringify(created, null, 2)}\n`);
          return;
        }
        process.stdout.write(`${created.key}\n`);
        process.stderr.write(`created key ${created.id} (${created.name}; ${created.scopes.join(', ')}). It is shown only now: store it safely.\n`);
      }),
    );

  keys
    .command('list')
    .description('print every key (never the keys themselves)')
    .option('--json', 'print as JSON')
    .action((options: { json?: boolean }) =>
      withPlatform(async ({ services }) => {
        const all = await services.apiKeys.list();
        if (options.json) {
          process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
          return;
        }
        const table = new Table({ head: ['id', 'name', 'scopes', 'prefix', 'created', 'last used', 'revoked'] });
        for (const key of all) {
          table.push([key.id, key.name, key.scopes.join(','), key.key_prefix, key.created_at, key.last_used_at ?? '-', key.revoked_at ?? '-']);
        }
        process.stdout.write(`${table.toString()}\n`);
      }),
    );

  keys
    .command('revoke')
    .description('revoke a key; requests using it fail at once')
    .argument('<id>', 'key id, from `keys list`')
    .action((id: string) =>
      withPlatform(async ({ services }) => {
        const revoked = await services.apiKeys.revoke(id);
        process.stdout.write(`revoked ${revoked.id} (${revoked.name}) at ${revoked.revoked_at}\n`);
      }),
    );
}
