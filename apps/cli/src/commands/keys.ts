import type { Command } from 'commander';
import type { ApiKeyView } from '@promptops/domain';
import { isUuid } from '../evaluations/eval-options';
import { outputTable } from '../terminal';
import { UsageError } from '../usage-error';
import { withPlatform } from '../with-platform';

/** A key id, or the name of exactly one active key (names are labels, not unique). */
function keyIdFor(ref: string, keys: ApiKeyView[]): string {
  if (isUuid(ref)) return ref;
  const named = keys.filter((key) => key.name === ref && key.revoked_at === null);
  const [only] = named;
  if (only && named.length === 1) return only.id;
  if (named.length === 0) throw new UsageError(`no active API key has the id or the name "${ref}"; \`keys list\` shows them`);
  throw new UsageError(`${named.length} active keys are named "${ref}" (${named.map((key) => key.id).join(', ')}); revoke one by its id`);
}

/**
 * Key management talks to the database directly, like `db` and `seed`: whoever can reach the
 * database is an operator, and the very first key has to come from somewhere before the API has one.
 */
export function registerKeyCommands(program: Command): void {
  const keys = program.command('keys').description('create, list and revoke API keys');

  keys
    .command('create')
    .description('create an API key and print it, and only it, once: it cannot be shown again')
    .requiredOption('--name <name>', 'what the key is for, e.g. ci')
    .option('--scope <scopes>', 'comma-separated: read, write, admin (admin includes write, write includes read)', 'read')
    .option('--json', 'print the key and its record as JSON')
    .action((options: { name: string; scope: string; json?: boolean }) =>
      withPlatform(async ({ services }) => {
        const created = await services.apiKeys.create({ name: options.name, scopes: options.scope.split(',') });
        // Only the key, so `KEY=$(promptops keys create ...)` captures exactly it; `keys list` shows the rest.
        process.stdout.write(options.json ? `${JSON.stringify(created, null, 2)}\n` : `${created.key}\n`);
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
        const table = outputTable(['id', 'name', 'scopes', 'prefix', 'created', 'last used', 'revoked']);
        for (const key of all) {
          table.push([key.id, key.name, key.scopes.join(','), key.key_prefix, key.created_at, key.last_used_at ?? '-', key.revoked_at ?? '-']);
        }
        process.stdout.write(`${table.toString()}\n`);
      }),
    );

  keys
    .command('revoke')
    .description('revoke a key; requests using it fail at once')
    .argument('<key>', 'key id, or the name of one active key (see `keys list`)')
    .action((ref: string) =>
      withPlatform(async ({ services }) => {
        const revoked = await services.apiKeys.revoke(keyIdFor(ref, isUuid(ref) ? [] : await services.apiKeys.list()));
        process.stdout.write(`revoked ${revoked.id} (${revoked.name}) at ${revoked.revoked_at}\n`);
      }),
    );
}
