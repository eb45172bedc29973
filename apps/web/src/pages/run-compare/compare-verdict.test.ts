import { describe, expect, it } from 'vitest';
import { type ComparisonView, formatDelta, formatPValue, verdictText } from './compare-verdict';

function comparison(overrides: Partial<ComparisonView> = {}): ComparisonView {
  return {
    pairs: 8,
    counts: { improved: 6, regressed: 0, unchanged: 2 },
    base: { pass_rate: 0.25, mean_score: 0.25 },
    candidate: { pass_rate: 1, mean_score: 1 },
    deltas: { pass_rate: 0.75, mean_score: 0.75, scorers: { exact_match: 0.75 }, latency_p50_ms: -12, cost_usd: 0.0001 },
    mcnemar: { b: 0, c: 6, p_value: 0.03125 },
    bootstrap: { mean_difference: 0.75, lower: 0.5, upper: 1, confidence: 0.95, resamples: 10_000 },
    alpha: 0.05,
    verdict: 'better',
    ...overrides,
  };
}

describe('the comparison verdict', () => {
  it('says which run is better, and why, in plain words', () => {
    expect(verdictText(comparison(), 'Greeter@1', 'Greeter@2')).toEqual({
      tone: 'success',
      headline: 'Greeter@2 is better than Greeter@1',
      reasons: [
        'Of 8 items finished in both runs, 6 improved, 0 regressed and 2 stayed the same.',
        'Pass rate 25.0% → 100.0% (+75.0 points).',
        "McNemar's exact test on pass/fail: p = 0.0313 (0 items passed only in the base, 6 only in the candidate); significant at α = 0.05.",
        'Mean score difference +0.750, 95% bootstrap interval [0.500, 1.000], which excludes zero.',
      ],
    });
  });

  it('says worse, or no significant difference, with the matching tone', () => {
    expect(verdictText(comparison({ verdict: 'worse' }), 'A', 'B')).toMatchObject({ tone: 'danger', headline: 'B is worse than A' });
    const none = verdictText(
      comparison({
        verdict: 'no_significant_difference',
        mcnemar: { b: 1, c: 2, p_value: 1 },
        bootstrap: { mean_difference: 0.1, lower: -0.2, upper: 0.4, confidence: 0.95, resamples: 10_000 },
      }),
      'A',
      'B',
    );
    expect(none.tone).toBe('neutral');
    expect(none.headline).toBe('No significant difference between B and A');
    expect(none.reasons[2]).toContain('p = 1.0000 (1 item passed only in the base, 2 only in the candidate); not significant at α = 0.05');
    expect(none.reasons[3]).toContain('which includes zero');
  });

  it('has nothing to say without paired items', () => {
    expect(verdictText(comparison({ pairs: 0 }), 'A', 'B')).toEqual({
      tone: 'neutral',
      headline: 'Nothing to compare',
      reasons: ['No item finished in both runs.'],
    });
  });

  it('formats p-values and deltas', () => {
    expect(formatPValue(0.00001)).toBe('p < 0.0001');
    expect(formatPValue(0.5)).toBe('p = 0.5000');
    expect(formatDelta(-0.125, 'points')).toBe('−12.5 pts');
    expect(formatDelta(0.125, 'score')).toBe('+0.125');
    expect(formatDelta(0, 'score')).toBe('±0.000');
    expect(formatDelta(-40, 'ms')).toBe('−40 ms');
    expect(formatDelta(0.00012, 'usd')).toBe('+$0.00012');
    expect(formatDelta(0, 'usd')).toBe('±$0');
    expect(formatDelta(null, 'usd')).toBe('—');
  });
});
