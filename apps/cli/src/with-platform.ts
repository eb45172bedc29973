import type { Platform } from '@promptops/api/composition';
import { withDatabaseErrors } from './errors/database-errors';
import { loadConfigOrExit } from './process-lifecycle';

/**
 * Runs a management command against the configured database, closing every connection after; a
 * database that cannot be used (down, wrong address or credentials) is reported as such.
 */
export async function withPlatform<T>(work: (platform: Platform) => Promise<T>): Promise<T> {
  const { config, logger } = loadConfigOrExit({ logTo: 'stderr' });
  // Loaded here rather than at the top, so commands that never touch the database start fast.
  const { createPlatform } = await import('@promptops/api/composition');
  return withDatabaseErrors(config.databaseUrl, async () => {
    const platform = await createPlatform(config, logger, { migrate: true });
    try {
      return await work(platform);
    } finally {
      await platform.close();
    }
  });
}
