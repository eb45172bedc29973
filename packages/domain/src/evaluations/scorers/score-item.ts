import type { ScoreRecord } from '@promptops/db';
import { asJson, isMissing, valueAt } from './output-access';
import { verdict, type Scorer, type ScorerConfig, type ScoringSample } from './scorer-types';

export interface ConfiguredScorer {
  config: ScorerConfig;
  scorer: Scorer;
}

export interface ItemScore {
  scores: ScoreRecord[];
  /** True when every scorer passed. */
  passed: boolean;
  /** Mean of the scorers' scores. */
  score: number;
}

/**
 * `field` picks a path inside the output; when the expected output is structured too, the same
 * path is taken from it, so `{answer: "Paris"}` can be compared field by field.
 */
function pickField(sample: ScoringSample, field: string): ScoringSample | { missing: string } {
  const parsed = asJson(sample.output);
  const output = parsed.ok ? valueAt(parsed.value, field) : undefined;
  if (!parsed.ok || isMissing(output)) return { missing: `output has no field "${field}"` };
  const expectedField = typeof sample.expected === 'object' && sample.expected !== null ? valueAt(sample.expected, field) : sample.expected;
  return { ...sample, output, expected: isMissing(expectedField) ? sample.expected : expectedField };
}

export async function scoreItem(scorers: ConfiguredScorer[], sample: ScoringSample): Promise<ItemScore> {
  const scores = await Promise.all(
    scorers.map(async ({ config, scorer }): Promise<ScoreRecord> => {
      const picked = config.field ? pickField(sample, config.field) : sample;
      const outcome = 'missing' in picked ? verdict(false, picked.missing) : await scorer.score(picked);
      return { scorer: config.name ?? config.type, type: config.type, ...outcome };
    }),
  );
  return {
    scores,
    passed: scores.every((entry) => entry.passed),
    score: scores.reduce((sum, entry) => sum + entry.score, 0) / Math.max(1, scores.length),
  };
}
