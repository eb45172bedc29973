/**
 * The API most benchmarks submit to: the platform on a pool of its own over the benchmark's database,
 * the "Bench" template (mock provider) and an HTTP server on a free port, all silent and without a rate
 * limit, the way the benchmark needs them rather than the way `serve` reads them from the environment.
 */
import { createApp, startApiServer } from '@promptops/api';
import { createPlatform, type Platform } from '@promptops/api/composition';
import { createLogger, loadConfig } from '@promptops/config';
import { createOrm } from '@promptops/db';
import { removeKeysWithPrefix } from '@promptops/queue';

export interface BenchApi {
  platform: Platform;
  template: { id: string };
  url: string;
  /** How many executions have ended succeeded and failed so far. */
  finished(): Promise<{ succeeded: number; failed: number }>;
  /** Stops the server, removes the queue prefix's keys and closes the platform and its pool. */
  close(): Promise<void>;
}

export async function startBenchApi(databaseUrl: string, options: { queuePrefix: string; poolMax: number; userPrompt?: string }): Promise<BenchApi> {
  const orm = await createOrm(databaseUrl, { poolMax: options.poolMax });
  const config = loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', QUEUE_PREFIX: options.queuePrefix, PORT: '0', RATE_LIMIT_PER_MINUTE: '0' });
  const platform = await createPlatform(config, createLogger({ level: 'silent' }), { orm });
  const template = await platform.services.templates.create({
    name: 'Bench',
    system_prompt: 'You are terse.',
    user_prompt_template: options.userPrompt ?? 'Say {{ word }} {{ n }} times.',
    provider: 'mock',
  });
  const server = await startApiServer(createApp(platform), { host: '127.0.0.1', port: 0 });
  return {
    platform,
    template,
    url: server.url,
    async finished() {
      const rows = await orm.em
        .fork()
        .getConnection()
        .execute<{ status: string; n: string }[]>(
          `select status, count(*) as n from prompt_executions where status in ('succeeded', 'failed') group by status`,
        );
      const of = (status: string) => Number(rows.find((row) => row.status === status)?.n ?? 0);
      return { succeeded: of('succeeded'), failed: of('failed') };
    },
    async close() {
      await server.close();
      // Closed first, or a queue could write its meta key after the removal (see createTestApp).
      await platform.queues.close();
      await removeKeysWithPrefix(platform.redis, options.queuePrefix);
      await platform.close();
      await orm.close(true);
    },
  };
}
