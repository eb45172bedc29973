import { hostname } from 'node:os';
import { Worker, type Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { EvaluationReconciler, ExecutionReconciler, ExecutionRunner, type DomainDeps, type DomainServices } from '@promptops/domain';
import { ProviderRateLimiter, QUEUE_NAMES } from '@promptops/queue';
import { startAlerting } from './alerting-runtime';
import { startPeriodic } from './periodic-task';
import { createEvaluationRunProcessor } from './evaluation-run-processor';
import { createExecutionProcessor } from './execution-processor';
import { timedProcessor } from './job-timing';

export interface WorkerRuntimeOptions {
  /** Jobs processed at once per queue by this process. Default: config.workerConcurrency. */
  concurrency?: number;
  /** BullMQ lock; a killed worker's job is recovered after about this long. Default 30000. */
  lockDurationMs?: number;
  /** How often BullMQ looks for stalled jobs. Default 15000. */
  stalledIntervalMs?: number;
  /** Heartbeat written to the execution row while it runs. Default 2000. */
  heartbeatMs?: number;
  /** A running row with an older heartbeat belongs to a dead worker. Default 15000. */
  staleAfterMs?: number;
  /** How often the reconciler rebuilds lost jobs from PostgreSQL; 0 disables it. Default 10000. */
  reconcileIntervalMs?: number;
  /** Queued rows younger than this are left to the API's own enqueue. Default 5000. */
  queuedGraceMs?: number;
  /** How often budgets and alert rules are evaluated; 0: only after finished jobs. Default: config.alertEvaluationIntervalMs. */
  alertEvaluationIntervalMs?: number;
  /** How often past hours' analytics rollup shards are folded together; 0 disables it. Default 60000. */
  rollupCompactionIntervalMs?: number;
}

/** What a worker runs on, from the process's composition (see @promptops/api/composition). */
export interface WorkerDependencies {
  /** What the runner and the reconcilers are built from, as the services were. */
  deps: DomainDeps;
  services: DomainServices;
  /** The queues' Redis connection; the workers and the provider rate limits use it too. */
  redis: Redis;
}

export interface WorkerRuntime {
  workerId: string;
  workers: Worker[];
  reconciler: ExecutionReconciler;
  evaluationReconciler: EvaluationReconciler;
  /** Stops taking jobs, waits for the running ones to finish, and stops the reconciler. */
  close(): Promise<void>;
}

/** Starts the execution, generation and evaluation-run workers plus the reconcilers for one process. */
export function startWorkerRuntime(platform: WorkerDependencies, options: WorkerRuntimeOptions = {}): WorkerRuntime {
  const { deps, services, redis: connection } = platform;
  const workerId = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const staleAfterMs = options.staleAfterMs ?? 15_000;
  const heartbeatMs = options.heartbeatMs ?? 2000;
  const queuedGraceMs = options.queuedGraceMs ?? 5000;
  const limiter = new ProviderRateLimiter({
    connection,
    prefix: deps.config.queuePrefix,
    limits: (provider) => deps.providers.requestsPerMinute(provider),
  });
  const runner = new ExecutionRunner(deps, {
    lifecycle: services.executionLifecycle(staleAfterMs),
    providers: deps.providers,
    prices: deps.prices,
    heartbeatMs,
    // Jobs retry with the policy their queue gave them; items and judge calls follow the same one.
    retry: deps.queues.retry,
    loadTemplatePrompts: async (templateId) => (await services.templates.resolve(templateId)).template,
    onGeneration: (execution, output) => services.generations.createDraft(execution, output),
    throttle: (provider) => limiter.acquire(provider),
  });
  const workerOptions = {
    connection,
    prefix: deps.config.queuePrefix,
    concurrency: options.concurrency ?? deps.config.workerConcurrency,
    lockDuration: options.lockDurationMs ?? 30_000,
    stalledInterval: options.stalledIntervalMs ?? 15_000,
    maxStalledCount: 5,
  };
  const makeWorker = (queue: Queue) =>
    new Worker(queue.name, timedProcessor(queue.name, deps.telemetry, createExecutionProcessor({ runner, queue, logger: deps.logger, workerId })), {
      ...workerOptions,
      name: workerId,
    });
  // Aborted first on close, so run drivers stop claiming while the workers wait for their jobs.
  const stopping = new AbortController();
  const evaluationRunProcessor = createEvaluationRunProcessor({
    evaluations: services.evaluations,
    logger: deps.logger,
    drive: { workerId, runner, signal: stopping.signal, heartbeatMs },
  });
  const workers = [
    makeWorker(deps.queues.executions),
    makeWorker(deps.queues.generations),
    new Worker(deps.queues.evaluationRuns.name, timedProcessor(deps.queues.evaluationRuns.name, deps.telemetry, evaluationRunProcessor), {
      ...workerOptions,
      name: workerId,
    }),
  ];
  for (const worker of workers) {
    worker.on('error', (error) => deps.logger.error({ err: error, queue: worker.name }, 'worker error'));
  }
  const alerting = startAlerting(services, {
    queueName: deps.queues.webhooks.name,
    telemetry: deps.telemetry,
    logger: deps.logger,
    intervalMs: options.alertEvaluationIntervalMs ?? deps.config.alertEvaluationIntervalMs,
    worker: { ...workerOptions, name: workerId },
  });
  // Spend and failure rates change as jobs finish: evaluate budgets and rules soon after.
  for (const worker of workers) {
    worker.on('completed', alerting.poke);
    worker.on('failed', alerting.poke);
  }

  const reconciler = new ExecutionReconciler(deps, services.executions, {
    staleAfterMs,
    queuedGraceMs,
  });
  const evaluationReconciler = new EvaluationReconciler(deps, { graceMs: queuedGraceMs, staleAfterMs });
  const reconciling = startPeriodic(
    options.reconcileIntervalMs ?? 10_000,
    async () => {
      await reconciler.reconcileOnce();
      await evaluationReconciler.reconcileOnce();
    },
    { logger: deps.logger, name: 'reconcile pass' },
  );
  // Views stay exact without it, but read a row per shard until past buckets are folded into one.
  const compacting = startPeriodic(options.rollupCompactionIntervalMs ?? 60_000, () => services.analytics.compactRollups(), {
    logger: deps.logger,
    name: 'rollup compaction',
  });
  deps.logger.info({ worker_id: workerId, queues: Object.values(QUEUE_NAMES) }, 'worker started');

  return {
    workerId,
    workers,
    reconciler,
    evaluationReconciler,
    async close() {
      const maintenanceStopped = Promise.all([reconciling.stop(), compacting.stop()]);
      stopping.abort();
      await Promise.all(workers.map((worker) => worker.close()));
      await alerting.close();
      await maintenanceStopped;
    },
  };
}
