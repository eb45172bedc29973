/** Options every scorer accepts. */
export interface ScorerBase {
  /** Label in results and summaries; defaults to the type. Must be unique within a run. */
  name?: string;
  /** Dotted path (`answer`, `items.0.title`) picking the value to score inside the output. */
  field?: string;
}

export type ScorerConfig = ScorerBase &
  (
    | { type: 'exact_match'; ignore_case?: boolean; normalize_whitespace?: boolean }
    | { type: 'contains' | 'not_contains'; value?: string; values?: string[]; match?: 'all' | 'any'; ignore_case?: boolean }
    | { type: 'regex'; pattern: string; flags?: string }
    | { type: 'json_equal' }
    | { type: 'json_schema'; schema: Record<string, unknown> }
    | { type: 'json_field_match'; fields: Record<string, unknown> }
    | { type: 'numeric'; tolerance: number; relative?: boolean }
    | { type: 'similarity'; metric: 'levenshtein' | 'token_f1'; threshold?: number; ignore_case?: boolean }
    | {
        type: 'llm_judge';
        rubric: string;
        threshold?: number;
        /** Judge template ref; replaced at submission by the exact version id it resolved to. */
        template?: string;
        provider?: string;
        model?: string;
      }
  );

export type ScorerType = ScorerConfig['type'];

export const SCORER_TYPES: readonly ScorerType[] = [
  'exact_match',
  'contains',
  'not_contains',
  'regex',
  'json_equal',
  'json_schema',
  'json_field_match',
  'numeric',
  'similarity',
  'llm_judge',
];

/** What a scorer sees of one item: the (field-picked) output, the expected output and the entry's input. */
export interface ScoringSample {
  output: unknown;
  expected: unknown;
  input: Record<string, unknown>;
}

export interface ScoreOutcome {
  /** In [0, 1]. */
  score: number;
  passed: boolean;
  reason: string;
}

export interface Scorer {
  score(sample: ScoringSample): ScoreOutcome | Promise<ScoreOutcome>;
}

export const verdict = (passed: boolean, reason: string): ScoreOutcome => ({ score: passed ? 1 : 0, passed, reason });
