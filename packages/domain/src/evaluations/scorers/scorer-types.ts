export type { ScorerConfig, ScorerType } from '@promptops/validators';

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
