import { createPlatform, type Platform } from '@promptops/domain';
import { loadConfigOrExit } from './process-lifecycle';

/** Runs a management command against the configured database, closing every connection after. */
export async function withPlatform<T>(work: (platform: Platform) => Promise<T>): Promise<T> {
  const { config, logger } = loadConfigOrExit();
  const platform = await createPlatform(config, logger, { migrate: true });
  try {
    return await work(platform);
  } finally {
    await platform.close();
  }
}
