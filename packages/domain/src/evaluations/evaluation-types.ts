import type { EvaluationResultStatus, EvaluationRunStatus, ScoreRecord } from '@promptops/db';
import type { TagMatch } from '../datasets/dataset-types';
import type { IdempotencyClaim } from '../idempotency';
import type { PageRequest } from '../pagination';
import type { RunSummary } from './run-summary';
import type { ScorerConfig } from './scorers/scorer-types';

export interface SubmitRunInput {
  dataset_id: string;
  /** Template id, name (active version) or `name@N`; default: the dataset's template (DatasetView.template). */
  template?: string;
  scorers: unknown[];
  concurrency?: number;
  repetitions?: number;
  tags?: string[];
  tag_match?: TagMatch;
  provider?: string;
  model?: string;
  idempotency?: IdempotencyClaim;
  request_id?: string;
}

export interface RunProgressView {
  total: number;
  /** Finished items: scored plus failed. */
  done: number;
  scored: number;
  failed: number;
  running: number;
  pending: number;
  cancelled: number;
}

export interface RunView {
  id: string;
  dataset_id: string;
  template_id: string;
  template_ref: string;
  status: EvaluationRunStatus;
  scorers: ScorerConfig[];
  concurrency: number;
  repetitions: number;
  tags: string[] | null;
  tag_match: TagMatch | null;
  provider: string;
  model: string;
  parent_run_id: string | null;
  progress: RunProgressView;
  /** Live while the run is going, final once it is terminal. */
  summary: RunSummary;
  error_message: string | null;
  request_id: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface SubmitRunResult {
  run: RunView;
  replayed: boolean;
}

export interface ResultFilter extends PageRequest {
  status?: EvaluationResultStatus;
  passed?: boolean;
  /** Only these entries' items (all their repetitions): a comparison page shows the outputs of the rows it lists. */
  dataset_entry_ids?: string[];
}

/** Which runs a listing returns: of one dataset or of all, in one status or any. */
export interface RunListFilter {
  dataset_id?: string;
  status?: EvaluationRunStatus;
}

export interface ResultView {
  id: string;
  dataset_entry_id: string;
  repetition: number;
  status: EvaluationResultStatus;
  execution_id: string | null;
  input: Record<string, unknown>;
  expected_output: unknown;
  output: unknown;
  scores: ScoreRecord[];
  passed: boolean | null;
  score: number | null;
  latency_ms: number | null;
  total_tokens: number;
  cost_usd: number | null;
  error_message: string | null;
  finished_at: string | null;
}
