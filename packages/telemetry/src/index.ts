export {
  createTelemetry,
  type ExecutionFinishedRecord,
  type JobOutcome,
  type ProviderCallRecord,
  type Telemetry,
  type TelemetryOptions,
} from './telemetry';
export type { CountableQueue, StateSources, StatusCounts } from './state-gauges';
export type { AlertingReading, BudgetReading } from './budget-gauges';
export { instrumentProviders } from './provider-instrumentation';
export { BoundedLabel, OVERFLOW_LABEL } from './bounded-label';
