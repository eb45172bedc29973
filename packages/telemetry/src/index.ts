export {
  createTelemetry,
  type ExecutionFinishedRecord,
  type JobOutcome,
  type ProviderCallRecord,
  type Telemetry,
  type TelemetryOptions,
} from './telemetry';
export type { CountableQueue, StateSources, StatusCounts } from './state-gauges';
export { instrumentProviders } from './provider-instrumentation';
export { startMetricsServer, type MetricsServerOptions, type RunningMetricsServer } from './metrics-server';
export { BoundedLabel, OVERFLOW_LABEL } from './bounded-label';
