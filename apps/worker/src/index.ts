export { startWorkerRuntime, type WorkerRuntime, type WorkerRuntimeOptions } from './worker-runtime';
export { createExecutionProcessor, type ExecutionProcessorOptions } from './execution-processor';
export { createEvaluationRunProcessor, type EvaluationRunProcessorOptions } from './evaluation-run-processor';
export { startMetricsServer, type RunningMetricsServer } from './metrics/metrics-server';
