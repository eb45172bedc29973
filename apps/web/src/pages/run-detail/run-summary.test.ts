import { describe, expect, it } from 'vitest';
import { stableJson } from '../../components/diff/side-by-side-rows';
import { outputText, scorerRows, summaryFacts } from './run-summary';

const summary = {
  finished: 8,
  scored: 7,
  failed: 1,
  passed: 6,
  pass_rate: 0.75,
  mean_score: 0.8125,
  scorers: { exact_match: { mean_score: 0.75, pass_rate: 0.75 }, judge: { mean_score: 0.875, pass_rate: 1 } },
  latency_ms: { p50: 420, p95: 1800, mean: 610 },
  tokens: { total: 2000, mean: 250 },
  cost_usd: 0.0042,
};

describe('a run summary', () => {
  it('reads as the page shows it', () => {
    expect(summaryFacts(summary)).toEqual([
      { label: 'Pass rate', value: '75.0%', detail: '6 of 8 finished items passed' },
      { label: 'Mean score', value: '0.813', detail: '1 failed items count as 0' },
      { label: 'Latency p50 / p95', value: '420 ms / 1.80 s', detail: 'mean 610 ms' },
      { label: 'Tokens', value: '2,000', detail: '250 per item' },
      { label: 'Cost', value: '$0.0042' },
    ]);
  });

  it('shows dashes before anything finished', () => {
    const empty = {
      ...summary,
      finished: 0,
      passed: 0,
      failed: 0,
      pass_rate: null,
      mean_score: null,
      latency_ms: { p50: null, p95: null, mean: null },
      tokens: { total: 0, mean: null },
      cost_usd: null,
    };
    expect(summaryFacts(empty).map((fact) => fact.value)).toEqual(['—', '—', '— / —', '0', '—']);
  });

  it('lists each scorer', () => {
    expect(scorerRows(summary)).toEqual([
      { name: 'exact_match', meanScore: '0.750', passRate: '75.0%' },
      { name: 'judge', meanScore: '0.875', passRate: '100.0%' },
    ]);
  });

  it('diffs text as text and structures as stable JSON', () => {
    expect(outputText('Paris', stableJson)).toBe('Paris');
    expect(outputText({ b: 1, a: 2 }, stableJson)).toBe('{\n  "a": 2,\n  "b": 1\n}');
    expect(outputText(null, stableJson)).toBe('');
  });
});
