import { Queue, type Job, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { DEFAULT_RETRY_POLICY, WEBHOOK_RETRY_POLICY, type RetryPolicy } from './backoff';
import { QUEUE_NAMES } from './queue-names';
import type { EvaluationRunJob, ExecutionJob, WebhookJob } from './job-payloads';

export interface QueueSetOptions {
  connection: Redis;
  /** Redis key prefix; tests use a fresh one so runs never see each other's jobs. */
  prefix: string;
  /** Tries and backoff of jobs failing with a retryable error. Default DEFAULT_RETRY_POLICY. */
  retry?: RetryPolicy;
}

export interface QueueSet {
  executions: Queue<ExecutionJob>;
  generations: Queue<ExecutionJob>;
  evaluationRuns: Queue<EvaluationRunJob>;
  /** Alert deliveries to webhooks, with their own retry policy (WEBHOOK_RETRY_POLICY). */
  webhooks: Queue<WebhookJob>;
  /** The policy these queues' jobs retry with; work retried outside a queue follows it too. */
  retry: RetryPolicy;
  all(): Queue[];
  close(): Promise<void>;
}

function jobDefaults(retry: RetryPolicy): JobsOptions {
  return {
    attempts: retry.attempts,
    backoff: retry.backoff,
    // Results live in PostgreSQL; Redis keeps a bounded history for the dashboard only.
    removeOnComplete: { age: 24 * 3600, count: 5000 },
    removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
  };
}

export function createQueues(options: QueueSetOptions): QueueSet {
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const defaultJobOptions = jobDefaults(retry);
  const common = { connection: options.connection, prefix: options.prefix, defaultJobOptions };
  const executions = new Queue<ExecutionJob>(QUEUE_NAMES.executions, common);
  const generations = new Queue<ExecutionJob>(QUEUE_NAMES.generations, common);
  const evaluationRuns = new Queue<EvaluationRunJob>(QUEUE_NAMES.evaluationRuns, common);
  const webhooks = new Queue<WebhookJob>(QUEUE_NAMES.webhooks, { ...common, defaultJobOptions: jobDefaults(WEBHOOK_RETRY_POLICY) });
  const all = () => [executions, generations, evaluationRuns, webhooks] as Queue[];
  // The queues share the caller's connection, whose owner reports its errors (once per outage);
  // a queue without an 'error' listener would print each reconnect failure's stack to stderr.
  for (const queue of all()) queue.on('error', () => undefined);
  return {
    executions,
    generations,
    evaluationRuns,
    webhooks,
    retry,
    all,
    async close() {
      await Promise.all(all().map((queue) => queue.close()));
    },
  };
}

/**
 * Enqueues executions in one round trip to Redis. Each job's id is its execution's id, so
 * enqueueing an execution again while its job exists is a no-op: the API and the reconciler may
 * both try without doubling work.
 */
export async function enqueueExecutions(queue: Queue<ExecutionJob>, jobs: readonly ExecutionJob[]): Promise<void> {
  if (jobs.length === 0) return;
  // A job alone skips addBulk's pipeline: ioredis gives each pipeline a property per Lua script, ~12 KB
  // that V8 allocates in its old generation, and at low rates every submission is a batch of one.
  const [only] = jobs;
  if (jobs.length === 1 && only) {
    await queue.add('execute', only, { jobId: only.execution_id });
    return;
  }
  await queue.addBulk(jobs.map((job) => ({ name: 'execute', data: job, opts: { jobId: job.execution_id } })));
}

/**
 * Enqueues the job that drives an evaluation run, named `run:<runId>` so Bull Board shows which
 * run it is (its progress is the run's). The job id is the run id: adding it again while it exists
 * is a no-op.
 */
export async function enqueueRun(queue: Queue<EvaluationRunJob>, runId: string, requestId?: string): Promise<void> {
  await queue.add(`run:${runId}`, { run_id: runId, ...(requestId ? { request_id: requestId } : {}) }, { jobId: runId });
}

/** Job states in which BullMQ itself will get the job processed (it recovers stalled active jobs). */
const IN_HAND_STATES = new Set(['waiting', 'delayed', 'active', 'prioritized', 'waiting-children']);

/** True when the job exists and BullMQ will process it without help; reconcilers leave such jobs alone. */
export async function isInHand(job: Job | undefined): Promise<boolean> {
  return job !== undefined && IN_HAND_STATES.has(await job.getState());
}

/** One job per (alert, webhook): enqueueing it again, from a racing evaluator or a retry, is a no-op. */
export async function enqueueWebhookDelivery(queue: Queue<WebhookJob>, job: WebhookJob): Promise<void> {
  await queue.add('deliver', job, { jobId: `${job.alert_id}_${job.webhook_id}` });
}
