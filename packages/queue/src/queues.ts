import { Queue, type Job, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { JITTERED_BACKOFF } from './backoff';
import { QUEUE_NAMES } from './queue-names';
import type { EvaluationRunJob, ExecutionJob } from './job-payloads';

/** Tries per job (and per evaluation-run item) for retryable provider failures. */
export const DEFAULT_JOB_ATTEMPTS = 6;

export interface QueueSetOptions {
  connection: Redis;
  /** Redis key prefix; tests use a fresh one so runs never see each other's jobs. */
  prefix: string;
  /** Attempts per job for retryable provider failures. Default DEFAULT_JOB_ATTEMPTS. */
  attempts?: number;
}

export interface QueueSet {
  executions: Queue<ExecutionJob>;
  generations: Queue<ExecutionJob>;
  evaluationRuns: Queue<EvaluationRunJob>;
  all(): Queue[];
  close(): Promise<void>;
}

function jobDefaults(attempts: number): JobsOptions {
  return {
    attempts,
    backoff: { type: JITTERED_BACKOFF },
    // Results live in PostgreSQL; Redis keeps a bounded history for the dashboard only.
    removeOnComplete: { age: 24 * 3600, count: 5000 },
    removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
  };
}

export function createQueues(options: QueueSetOptions): QueueSet {
  const defaultJobOptions = jobDefaults(options.attempts ?? DEFAULT_JOB_ATTEMPTS);
  const common = { connection: options.connection, prefix: options.prefix, defaultJobOptions };
  const executions = new Queue<ExecutionJob>(QUEUE_NAMES.executions, common);
  const generations = new Queue<ExecutionJob>(QUEUE_NAMES.generations, common);
  const evaluationRuns = new Queue<EvaluationRunJob>(QUEUE_NAMES.evaluationRuns, common);
  const all = () => [executions, generations, evaluationRuns] as Queue[];
  return {
    executions,
    generations,
    evaluationRuns,
    all,
    async close() {
      await Promise.all(all().map((queue) => queue.close()));
    },
  };
}

/**
 * Enqueues one execution. The job id is the execution id, so enqueueing the same execution again
 * while its job exists is a no-op: the API and the reconciler may both try without doubling work.
 */
export async function enqueueExecution(queue: Queue<ExecutionJob>, job: ExecutionJob): Promise<void> {
  await queue.add('execute', job, { jobId: job.execution_id });
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
