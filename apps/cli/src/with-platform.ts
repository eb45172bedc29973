import type { Platform } from '@promptops/domain';
import { loadConfigOrExit } from './process-lifecycle';

/** Runs a management command against the configured database, closing every connection after. */
export async function withPlatform<T>(work: (platform: Platform) => Promise<T>): Promise<T> {
  const { config, logger } = loadConfigOrExit({ logTo: 'stderr' });
  // Loaded here rather than at the top, so commands that never touch the database start fast.
  const { createPlatform } = await import('@promptops/domain');
  const platform = await createPlatform(config, logger, { migrate: true });
  try {
    return await work(platform);
  } finally {
    await platform.close();
  }
}
