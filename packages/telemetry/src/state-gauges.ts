import { Gauge, type Registry } from 'prom-client';

/** The part of a BullMQ queue read at scrape time. */
export interface CountableQueue {
  readonly name: string;
  getJobCounts(): Promise<Record<string, number>>;
}

/** Rows per status, including statuses with no rows (as 0), so series do not come and go. */
export interface StatusCounts {
  executions: Record<string, number>;
  evaluationRuns: Record<string, number>;
}

export interface StateSources {
  queues: CountableQueue[];
  statusCounts(): Promise<StatusCounts>;
  /** Longest a scrape waits for Redis or PostgreSQL before reporting that source as down. Default 2000. */
  timeoutMs?: number;
}

interface Reading {
  queues: [string, Record<string, number>][] | null;
  statuses: StatusCounts | null;
}

/** Resolves to null when `promise` fails or is still pending after `ms`, so a scrape never hangs. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([promise.catch(() => null), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function takeReading(sources: StateSources, timeoutMs: number): Promise<Reading> {
  const [queues, statuses] = await Promise.all([
    within(Promise.all(sources.queues.map(async (queue) => [queue.name, await queue.getJobCounts()] as [string, Record<string, number>])), timeoutMs),
    within(sources.statusCounts(), timeoutMs),
  ]);
  return { queues, statuses };
}

/**
 * Gauges computed when Prometheus scrapes, from the state every process shares (Redis queues and
 * PostgreSQL rows), so any API or worker process reports the same numbers. All gauges of one scrape
 * share one reading; a source that is down or slow is left out and flagged by
 * `promptops_metrics_source_up`, while the rest of the exposition is still served.
 */
export function registerStateGauges(registry: Registry, sources: StateSources): void {
  const timeoutMs = sources.timeoutMs ?? 2000;
  let inFlight: Promise<Reading> | undefined;
  // prom-client starts every collect() of a scrape in the same tick, so they all join this one.
  const read = () => {
    inFlight ??= takeReading(sources, timeoutMs).finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };

  new Gauge({
    name: 'promptops_queue_jobs',
    help: 'Jobs per BullMQ queue and state, read from Redis at scrape time.',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      const { queues } = await read();
      this.reset();
      for (const [queue, counts] of queues ?? []) {
        for (const [state, count] of Object.entries(counts)) this.set({ queue, state }, count);
      }
    },
  });
  const statusGauge = (name: string, help: string, pick: (counts: StatusCounts) => Record<string, number>) =>
    new Gauge({
      name,
      help,
      labelNames: ['status'] as const,
      registers: [registry],
      async collect() {
        const { statuses } = await read();
        this.reset();
        for (const [status, count] of Object.entries(statuses ? pick(statuses) : {})) this.set({ status }, count);
      },
    });
  statusGauge('promptops_executions', 'Executions per status, counted in PostgreSQL at scrape time.', (counts) => counts.executions);
  statusGauge('promptops_evaluation_runs', 'Evaluation runs per status, counted in PostgreSQL at scrape time.', (counts) => counts.evaluationRuns);
  new Gauge({
    name: 'promptops_metrics_source_up',
    help: 'Whether the last scrape could read a source (redis: queue gauges, postgres: status gauges).',
    labelNames: ['source'] as const,
    registers: [registry],
    async collect() {
      const reading = await read();
      this.set({ source: 'redis' }, reading.queues ? 1 : 0);
      this.set({ source: 'postgres' }, reading.statuses ? 1 : 0);
    },
  });
}
