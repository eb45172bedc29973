import type { EvaluationResultStatus, EvaluationRunStatus } from '@promptops/db';
import type { ResultView, RunProgressView, RunView } from '@promptops/validators';
import type { TagMatch } from '../datasets/dataset-types';
import type { IdempotencyClaim } from '../idempotency';
import type { PageRequest } from '../pagination';

export type { ResultView, RunProgressView, RunView };

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
