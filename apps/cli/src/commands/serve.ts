import type { Command } from 'commander';
import type { ServeParts } from './serve-runtime';

/** The server's dependencies load only when one of these commands runs, so other commands start fast. */
async function run(parts: ServeParts): Promise<void> {
  const { runServer } = await import('./serve-runtime');
  await runServer(parts);
}

export function registerServeCommands(program: Command): void {
  program
    .command('start')
    .description('migrate the database, seed built-in templates when empty, serve the API and run the worker')
    .action(() => run({ api: true, worker: true, migrate: true, seed: true }));
  program
    .command('serve')
    .description('serve the HTTP API only (no worker)')
    .option('--no-migrate', 'do not apply pending migrations first')
    .option('--seed-if-empty', 'create the built-in templates when no template exists')
    .action((options: { migrate: boolean; seedIfEmpty?: boolean }) =>
      run({ api: true, worker: false, migrate: options.migrate, seed: options.seedIfEmpty ?? false }),
    );
  program
    .command('worker')
    .description('run the queue workers and the reconciler only')
    .action(() => run({ api: false, worker: true, migrate: false, seed: false }));
}
