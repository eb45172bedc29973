export { createDomainServices, type DomainServices } from './domain-services';
export type { DomainDeps } from './domain-deps';
export type { Page, PageRequest } from './pagination';
export { ExecutionRunner, type RunContext, type RunOutcome, type ExecutionRunnerOptions } from './executions/execution-runner';
export { ExecutionReconciler, type ReconcilerOptions, type ReconcileReport } from './executions/execution-reconciler';
export { EXECUTIONS, ExecutionLifecycle, type ClaimedExecution, type ExecutionResult } from './executions/lifecycle';
export type { ExecutionDto } from './executions/execution-dto';
export type { SubmitExecutionInput, ExecutionFilter, SubmitResult, ModelOverrides } from './executions/execution-service';
export { PROMPT_GENERATOR_TEMPLATE, type GenerateTemplateInput } from './generation/prompt-generation-service';
export { DatasetService } from './datasets/dataset-service';
export { DATASET_LIMITS, type DatasetLimits } from './datasets/dataset-limits';
export type {
  CreateDatasetInput,
  DatasetDeleteOutcome,
  DatasetDetail,
  DatasetView,
  EntryOrder,
  EntryView,
  ImportFormat,
  ImportOptions,
  ImportPosition,
  ImportResult,
  ListDatasetsQuery,
  ListEntriesQuery,
  NewEntryInput,
  RunEntry,
  TagFilter,
  TagMatch,
  TemplateLookup,
  UpdateDatasetInput,
  UpdateEntryInput,
  WriteOptions,
} from './datasets/dataset-types';
export * from './templates';
export * from './seeds';
export * from './api-keys';
export { withTimeout } from './with-timeout';
export * from './evaluations';
export { LLM_JUDGE_TEMPLATE } from './seeds/llm-judge';
export { idempotencyClaim, type IdempotencyClaim } from './idempotency';
export * from './analytics';
export * from './alerts';
