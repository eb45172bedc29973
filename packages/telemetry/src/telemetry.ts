import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { BoundedLabel } from './bounded-label';
import { type AlertingReading, registerAlertingGauges } from './budget-gauges';
import { registerStateGauges, type StateSources } from './state-gauges';

/**
 * How one BullMQ job attempt ended, as seen by the processor; `requeued`: a worker shutting down
 * handed the job back for another worker to continue.
 */
export type JobOutcome = 'completed' | 'failed' | 'retried' | 'rate_limited' | 'requeued';

export interface ProviderCallRecord {
  /** Configured provider name (`openai`, `mock`, a custom name), never `auto`. */
  provider: string;
  model: string;
  seconds: number;
  /** ProviderError kind when the call failed; undefined when it succeeded. */
  errorKind?: string | undefined;
  promptTokens?: number;
  completionTokens?: number;
  /** USD for the call; null or undefined when the model has no known price. */
  costUsd?: number | null;
}

export interface ExecutionFinishedRecord {
  kind: string;
  status: string;
  failureKind: string | null;
}

/**
 * The metrics of one process. Domain code receives it through its deps and only calls the record
 * methods; the HTTP layers read `metrics()`. One instance per process (tests create one per app),
 * never a module-level global, so two apps in one test process do not share counters.
 */
export interface Telemetry {
  readonly registry: Registry;
  /** Content type of `metrics()`, the Prometheus text format 0.0.4. */
  readonly contentType: string;
  metrics(): Promise<string>;
  jobFinished(queue: string, outcome: JobOutcome, seconds: number): void;
  providerCall(call: ProviderCallRecord): void;
  executionFinished(event: ExecutionFinishedRecord): void;
  /** An alert this process recorded (kind: budget, failure_rate, p95_latency_ms). */
  alertFired(kind: string): void;
  /** One webhook delivery attempt's outcome (delivered, retrying, failed). */
  webhookDelivery(outcome: string): void;
  /** Adds the budget spend and open alert gauges, read at scrape time; once, after the database exists. */
  watchAlerting(read: () => Promise<AlertingReading>): void;
  /** Adds the scrape-time gauges (queues, rows per status); once, after queues and database exist. */
  watchState(sources: StateSources): void;
}

export interface TelemetryOptions {
  /** Node process metrics (CPU, memory, event loop lag, GC). Default false; servers turn it on. */
  processMetrics?: boolean;
  /** Distinct `model` label values kept before the rest are counted as "other". Default 50. */
  maxModels?: number;
}

const JOB_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];
const PROVIDER_BUCKETS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120];

export function createTelemetry(options: TelemetryOptions = {}): Telemetry {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const models = new BoundedLabel(options.maxModels ?? 50);
  // Provider names come from configuration, but a bound costs nothing and guards custom code paths.
  const providers = new BoundedLabel(50);

  const jobDuration = new Histogram({
    name: 'promptops_job_duration_seconds',
    help: 'Time a worker spent on one job attempt, by queue and outcome.',
    labelNames: ['queue', 'outcome'] as const,
    buckets: JOB_BUCKETS,
    registers,
  });
  const providerDuration = new Histogram({
    name: 'promptops_provider_request_duration_seconds',
    help: 'LLM provider call latency, by provider, model and outcome (success or error).',
    labelNames: ['provider', 'model', 'outcome'] as const,
    buckets: PROVIDER_BUCKETS,
    registers,
  });
  const providerErrors = new Counter({
    name: 'promptops_provider_errors_total',
    help: 'Failed LLM provider calls, by provider, model and error kind (rate_limited, timeout, server_error, ...).',
    labelNames: ['provider', 'model', 'kind'] as const,
    registers,
  });
  const tokens = new Counter({
    name: 'promptops_tokens_total',
    help: 'Tokens reported by providers, by provider, model and type (prompt or completion).',
    labelNames: ['provider', 'model', 'type'] as const,
    registers,
  });
  const cost = new Counter({
    name: 'promptops_cost_usd_total',
    help: 'Estimated USD spent on provider calls with a known price, by provider and model.',
    labelNames: ['provider', 'model'] as const,
    registers,
  });
  const executionsFinished = new Counter({
    name: 'promptops_executions_finished_total',
    help: 'Executions this process brought to a terminal state, by kind, status and failure kind.',
    labelNames: ['kind', 'status', 'failure_kind'] as const,
    registers,
  });
  const alertsFired = new Counter({
    name: 'promptops_alerts_fired_total',
    help: 'Alerts this process recorded, by kind (budget, failure_rate, p95_latency_ms); each alert is counted by one process only.',
    labelNames: ['kind'] as const,
    registers,
  });
  const webhookDeliveries = new Counter({
    name: 'promptops_webhook_deliveries_total',
    help: 'Webhook delivery attempts made by this process, by outcome (delivered, retrying, failed).',
    labelNames: ['outcome'] as const,
    registers,
  });
  let watching = false;
  let watchingAlerting = false;

  return {
    registry,
    contentType: registry.contentType,
    metrics: () => registry.metrics(),
    jobFinished(queue, outcome, seconds) {
      jobDuration.observe({ queue, outcome }, seconds);
    },
    providerCall(call) {
      const provider = providers.value(call.provider);
      const model = models.value(call.model);
      // Written out, not { ...labels, outcome }: see bench/README.md on object spreads.
      providerDuration.observe({ provider, model, outcome: call.errorKind === undefined ? 'success' : 'error' }, call.seconds);
      if (call.errorKind !== undefined) providerErrors.inc({ provider, model, kind: call.errorKind });
      if (call.promptTokens) tokens.inc({ provider, model, type: 'prompt' }, call.promptTokens);
      if (call.completionTokens) tokens.inc({ provider, model, type: 'completion' }, call.completionTokens);
      if (call.costUsd) cost.inc({ provider, model }, call.costUsd);
    },
    executionFinished(event) {
      executionsFinished.inc({ kind: event.kind, status: event.status, failure_kind: event.failureKind ?? 'none' });
    },
    alertFired(kind) {
      alertsFired.inc({ kind });
    },
    webhookDelivery(outcome) {
      webhookDeliveries.inc({ outcome });
    },
    watchAlerting(read) {
      if (watchingAlerting) throw new Error('watchAlerting may be called once per telemetry instance');
      watchingAlerting = true;
      registerAlertingGauges(registry, read);
    },
    watchState(sources) {
      if (watching) throw new Error('watchState may be called once per telemetry instance');
      watching = true;
      registerStateGauges(registry, sources);
    },
  };
}
