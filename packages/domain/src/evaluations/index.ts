export { EvaluationService } from './evaluation-service';
export { EvaluationReconciler, type EvaluationReconcilerOptions, type EvaluationReconcileReport } from './evaluation-reconciler';
export type { SubmitRunInput, SubmitRunResult, RunView, RunProgressView, ResultView, ResultFilter } from './evaluation-types';
export type { RunSummary, ScorerSummary } from './run-summary';
export type { RunComparison, EntryComparison, ComparisonVerdict, EntryChange } from './run-comparison';
export { RUN_LIMITS } from './run-submission';
export { SCORER_TYPES, type ScorerConfig, type ScorerType } from './scorers/scorer-types';
export { mcnemarExact, type McNemarResult } from './statistics/mcnemar';
export { pairedBootstrap, type BootstrapInterval } from './statistics/paired-bootstrap';
