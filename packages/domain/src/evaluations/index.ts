export { EvaluationService } from './evaluation-service';
export { EvaluationReconciler, type EvaluationReconcilerOptions, type EvaluationReconcileReport } from './evaluation-reconciler';
export type { DriveContext, DriveOutcome } from './run-driver';
export type { SubmitRunInput, SubmitRunResult, RunView, RunProgressView, ResultView, ResultFilter } from './evaluation-types';
export { RERUN_INCLUDES, RUN_LIMITS, type RerunInclude, type RerunOptions } from './run-submission';
export { ITEMS, RUNS } from './run-transitions';
export {
  SCORER_TYPES,
  type ComparisonVerdict,
  type EntryChange,
  type EntryComparison,
  type RunComparison,
  type RunSummary,
  type ScorerConfig,
  type ScorerSummary,
  type ScorerType,
} from '@promptops/validators';
export { mcnemarExact, type McNemarResult } from './statistics/mcnemar';
export { pairedBootstrap, type BootstrapInterval } from './statistics/paired-bootstrap';
