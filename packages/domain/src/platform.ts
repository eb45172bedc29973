import type { AppConfig, Logger } from '@promptops/config';
import { createOrm, migrateDatabase, type Orm } from '@promptops/db';
import { createPriceTable, createProviderRegistry } from '@promptops/providers';
import { createQueues, createRedisConnection, type QueueSet, type RetryPolicy } from '@promptops/queue';
import { createPromptRenderer } from '@promptops/rendering';
import { JsonSchemaValidator } from '@promptops/schemas';
import { createTelemetry, instrumentProviders, type Telemetry } from '@promptops/telemetry';
import type { Redis } from 'ioredis';
import { createDomainServices, type DomainServices } from './domain-services';

export interface PlatformOptions {
  /** Use this ORM instead of connecting to config.databaseUrl (tests pass their own database). */
  orm?: Orm;
  /** Create the database and apply pending migrations before returning. Default false. */
  migrate?: boolean;
  /** Mock provider latency, for benchmarks. */
  mockLatencyMs?: number;
  /** This process's metrics; servers pass one with process metrics. Default: a fresh one without. */
  telemetry?: Telemetry;
  /** How jobs (and evaluation items) retry retryable failures. Default DEFAULT_RETRY_POLICY; tests retry faster. */
  retry?: RetryPolicy;
}

export interface Platform {
  config: AppConfig;
  logger: Logger;
  orm: Orm;
  redis: Redis;
  queues: QueueSet;
  services: DomainServices;
  telemetry: Telemetry;
  close(): Promise<void>;
}

/** Everything a process needs, built once from the validated configuration. */
export async function createPlatform(config: AppConfig, logger: Logger, options: PlatformOptions = {}): Promise<Platform> {
  const orm = options.orm ?? (await createOrm(config.databaseUrl));
  if (options.migrate) {
    const applied = await migrateDatabase(orm);
    if (applied.length > 0) logger.info({ migrations: applied }, 'applied migrations');
  }
  const redis = createRedisConnection(config.redisUrl, `${config.queuePrefix}-main`);
  // ioredis retries every two seconds while Redis is away, failing each time: say so once per outage.
  let redisDown = false;
  redis.on('error', (error) => {
    if (!redisDown) logger.warn({ err: error }, 'redis connection lost; reconnecting');
    redisDown = true;
  });
  redis.on('ready', () => {
    if (redisDown) logger.info('redis connection restored');
    redisDown = false;
  });
  const queues = createQueues({ connection: redis, prefix: config.queuePrefix, ...(options.retry ? { retry: options.retry } : {}) });
  const renderer = createPromptRenderer({ timeoutMs: config.renderTimeoutMs });
  const telemetry = options.telemetry ?? createTelemetry();
  const prices = createPriceTable(config.modelPrices);
  const registry = createProviderRegistry(config.providers, {
    timeoutMs: config.providerTimeoutMs,
    ...(options.mockLatencyMs === undefined ? {} : { mockLatencyMs: options.mockLatencyMs }),
  });
  const services = createDomainServices({
    orm,
    renderer,
    validator: new JsonSchemaValidator(),
    config,
    logger,
    queues,
    // Every provider call, from any service, is timed and counted here.
    providers: instrumentProviders(registry, telemetry, prices),
    prices,
    telemetry,
  });
  telemetry.watchState({ queues: queues.all(), statusCounts: () => services.health.statusCounts() });
  return {
    config,
    logger,
    orm,
    redis,
    queues,
    services,
    telemetry,
    async close() {
      await queues.close();
      redis.disconnect();
      await renderer.close();
      if (!options.orm) await orm.close(true);
    },
  };
}
