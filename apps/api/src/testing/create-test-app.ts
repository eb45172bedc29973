import { randomBytes } from 'node:crypto';
import { createLogger, loadConfig, type AppConfig, type DestinationStream } from '@promptops/config';
import { createTestDatabase, type TestDatabase } from '@promptops/db';
import type { DomainServices } from '@promptops/domain';
import { removeKeysWithPrefix, type QueueSet, type RetryPolicy } from '@promptops/queue';
import type { Redis } from 'ioredis';
import { createApp } from '../app';

export { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from './webhook-receiver';
export { insertFinishedExecution, type FinishedExecution } from './finished-execution';
import { createPlatform, type Platform } from '../composition';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  services: DomainServices;
  platform: Platform;
  db: TestDatabase;
  config: AppConfig;
  redis: Redis;
  queues: QueueSet;
  /** Sends a JSON request through the app in-process and parses the JSON answer. */
  call<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: T; headers: Headers }>;
  close(): Promise<void>;
}

/**
 * The API over its own fresh database and its own Redis key prefix, for tests that drive it with
 * `app.request()`. Values in `env` override the defaults (e.g. LLM_PROVIDERS, OPENAI_BASE_URL).
 * With `logDestination`, logs go there at info level instead of being silenced; with `retry`, jobs
 * retry with that policy (workers' tests wait out faster backoffs); with `serverUrl`, the database is
 * created on that PostgreSQL server (a proxy a fault test can cut) instead of TEST_DATABASE_URL's.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: { logDestination?: DestinationStream; retry?: RetryPolicy; serverUrl?: string } = {},
): Promise<TestApp> {
  const db = await createTestDatabase(options.serverUrl);
  const prefix = `test-${randomBytes(6).toString('hex')}`;
  const config = loadConfig({ DATABASE_URL: db.databaseUrl, LOG_LEVEL: options.logDestination ? 'info' : 'silent', QUEUE_PREFIX: prefix, ...env });
  const logger = createLogger({ level: config.logLevel, ...(options.logDestination ? { destination: options.logDestination } : {}) });
  const platform = await createPlatform(config, logger, { orm: db.orm, ...(options.retry ? { retry: options.retry } : {}) });
  // No key exists in a fresh test database; in-process requests have no socket to judge, so the
  // tests say explicitly that they stand in for a loopback client.
  const app = createApp({ ...platform, trustInProcess: true });
  return {
    app,
    services: platform.services,
    platform,
    db,
    config,
    redis: platform.redis,
    queues: platform.queues,
    async call(method, path, body, headers = {}) {
      const init: RequestInit = { method, headers: { ...headers } };
      if (body !== undefined) {
        init.body = typeof body === 'string' ? body : JSON.stringify(body);
        (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
      }
      const response = await app.request(path, init);
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // Not JSON (e.g. the docs page); hand back the text.
      }
      return { status: response.status, body: parsed as any, headers: response.headers };
    },
    async close() {
      // A queue writes its meta key once its connection is ready, perhaps after a removal started
      // while it was still starting: only closed queues write nothing more.
      await platform.queues.close();
      await removeKeysWithPrefix(platform.redis, prefix);
      await platform.close();
      await db.drop();
    },
  };
}
