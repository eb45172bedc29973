import { formatPercent } from '../../lib/format';

export interface ComparisonView {
  pairs: number;
  counts: { improved: number; regressed: number; unchanged: number };
  base: { pass_rate: number | null; mean_score: number | null };
  candidate: { pass_rate: number | null; mean_score: number | null };
  deltas: { pass_rate: number | null; mean_score: number | null; scorers: Record<string, number>; latency_p50_ms: number | null; cost_usd: number | null };
  mcnemar: { b: number; c: number; p_value: number };
  bootstrap: { mean_difference: number; lower: number; upper: number; confidence: number; resamples: number };
  alpha: number;
  verdict: 'better' | 'worse' | 'no_significant_difference';
}

export interface VerdictText {
  tone: 'success' | 'danger' | 'neutral';
  headline: string;
  /** Why, in sentences a reader without statistics can follow. */
  reasons: string[];
}

export function formatPValue(p: number): string {
  return p < 0.0001 ? 'p < 0.0001' : `p = ${p.toFixed(4)}`;
}

const signed = (value: number, digits: number) => `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value).toFixed(digits)}`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The comparison's verdict in plain words, with the evidence behind it. */
export function verdictText(comparison: ComparisonView, baseLabel: string, candidateLabel: string): VerdictText {
  if (comparison.pairs === 0) {
    return { tone: 'neutral', headline: 'Nothing to compare', reasons: ['No item finished in both runs.'] };
  }
  const { mcnemar, bootstrap, counts } = comparison;
  const headline =
    comparison.verdict === 'better'
      ? `${candidateLabel} is better than ${baseLabel}`
      : comparison.verdict === 'worse'
        ? `${candidateLabel} is worse than ${baseLabel}`
        : `No significant difference between ${candidateLabel} and ${baseLabel}`;
  const level = Math.round(bootstrap.confidence * 100);
  const interval = `[${bootstrap.lower.toFixed(3)}, ${bootstrap.upper.toFixed(3)}]`;
  const excludesZero = bootstrap.lower > 0 || bootstrap.upper < 0;
  const reasons = [
    `Of ${plural(comparison.pairs, 'item')} finished in both runs, ${counts.improved} improved, ${counts.regressed} regressed and ${counts.unchanged} stayed the same.`,
    `Pass rate ${formatPercent(comparison.base.pass_rate, 1)} → ${formatPercent(comparison.candidate.pass_rate, 1)}${comparison.deltas.pass_rate === null ? '' : ` (${signed(comparison.deltas.pass_rate * 100, 1)} points)`}.`,
    `McNemar's exact test on pass/fail: ${formatPValue(mcnemar.p_value)} (${plural(mcnemar.b, 'item')} passed only in the base, ${mcnemar.c} only in the candidate); ${mcnemar.p_value < comparison.alpha ? `significant at α = ${comparison.alpha}` : `not significant at α = ${comparison.alpha}`}.`,
    `Mean score difference ${signed(bootstrap.mean_difference, 3)}, ${level}% bootstrap interval ${interval}, which ${excludesZero ? 'excludes' : 'includes'} zero.`,
  ];
  return { tone: comparison.verdict === 'better' ? 'success' : comparison.verdict === 'worse' ? 'danger' : 'neutral', headline, reasons };
}

/** "+0.125", "−3.0 pts" and the like for the deltas table; null deltas read as a dash. */
export function formatDelta(value: number | null, kind: 'points' | 'score' | 'ms' | 'usd'): string {
  if (value === null) return '—';
  switch (kind) {
    case 'points':
      return `${signed(value * 100, 1)} pts`;
    case 'score':
      return signed(value, 3);
    case 'ms':
      return `${signed(value, 0)} ms`;
    case 'usd':
      return value === 0 ? '±$0' : `${value < 0 ? '−' : '+'}$${Math.abs(value).toPrecision(2)}`;
  }
}
