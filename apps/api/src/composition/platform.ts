import type { AppConfig, Logger } from '@promptops/config';
import { createOrm, migrateDatabase, type Orm } from '@promptops/db';
import { createDomainServices, type DomainDeps, type DomainServices } from '@promptops/domain';
import { createPriceTable, createProviderRegistry, type ProviderRegistry } from '@promptops/providers';
import { createQueues, type QueueSet, type RetryPolicy } from '@promptops/queue';
import { createPromptRenderer } from '@promptops/rendering';
import { JsonSchemaValidator } from '@promptops/schemas';
import { createTelemetry, instrumentProviders, type Telemetry } from '@promptops/telemetry';
import type { Redis } from 'ioredis';
import { connectRedis } from './redis-connection';

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

/**
 * What a PromptOps process runs on, built once from the validated configuration: the API, the
 * worker and the CLI's commands take the pieces they need from here, and nothing else opens a
 * connection. `deps` is what the domain services (and the worker's runner and reconcilers) are
 * built from.
 */
export interface Platform {
  config: AppConfig;
  logger: Logger;
  orm: Orm;
  /** The queues' Redis connection, shared by the rate limits and the queue dashboard. */
  redis: Redis;
  queues: QueueSet;
  /** Every provider call through it is timed and counted in `telemetry`. */
  providers: ProviderRegistry;
  telemetry: Telemetry;
  deps: DomainDeps;
  services: DomainServices;
  close(): Promise<void>;
}

/** The composition root of every process (API, worker, both, or a CLI command). */
export async function createPlatform(config: AppConfig, logger: Logger, options: PlatformOptions = {}): Promise<Platform> {
  const orm = options.orm ?? (await createOrm(config.databaseUrl));
  if (options.migrate) {
    const applied = await migrateDatabase(orm);
    if (applied.length > 0) logger.info({ migrations: applied }, 'applied migrations');
  }
  const redis = connectRedis(config, logger);
  const queues = createQueues({ connection: redis, prefix: config.queuePrefix, ...(options.retry ? { retry: options.retry } : {}) });
  const renderer = createPromptRenderer({ timeoutMs: config.renderTimeoutMs });
  const telemetry = options.telemetry ?? createTelemetry();
  const prices = createPriceTable(config.modelPrices);
  const registry = createProviderRegistry(config.providers, {
    timeoutMs: config.providerTimeoutMs,
    ...(options.mockLatencyMs === undefined ? {} : { mockLatencyMs: options.mockLatencyMs }),
  });
  // Every provider call, from any service, is timed and counted here.
  const providers = instrumentProviders(registry, telemetry, prices);
  const deps: DomainDeps = { orm, renderer, validator: new JsonSchemaValidator(), config, logger, queues, providers, prices, telemetry };
  const services = createDomainServices(deps);
  telemetry.watchState({ queues: queues.all(), statusCounts: () => services.health.statusCounts() });
  telemetry.watchAlerting(async () => ({
    budgets: (await services.budgets.list()).map((budget) => ({
      name: budget.name,
      metric: budget.metric,
      spent: budget.current.spent,
      ratio: budget.current.ratio,
    })),
    unacknowledgedAlerts: await services.alerts.unacknowledgedByKind(),
  }));
  return {
    config,
    logger,
    orm,
    redis,
    queues,
    providers,
    telemetry,
    deps,
    services,
    async close() {
      await queues.close();
      redis.disconnect();
      await renderer.close();
      if (!options.orm) await orm.close(true);
    },
  };
}
