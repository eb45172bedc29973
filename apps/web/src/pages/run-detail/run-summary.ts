import { formatCost, formatDuration, formatNumber, formatPercent } from '../../lib/format';

export interface RunSummaryView {
  finished: number;
  scored: number;
  failed: number;
  passed: number;
  pass_rate: number | null;
  mean_score: number | null;
  scorers: Record<string, { mean_score: number; pass_rate: number }>;
  latency_ms: { p50: number | null; p95: number | null; mean: number | null };
  tokens: { total: number; mean: number | null };
  cost_usd: number | null;
}

export interface SummaryFact {
  label: string;
  value: string;
  detail?: string;
}

const score = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value.toFixed(3));

/** The headline numbers of a run, as label / value / detail, in the order the page shows them. */
export function summaryFacts(summary: RunSummaryView): SummaryFact[] {
  return [
    {
      label: 'Pass rate',
      value: formatPercent(summary.pass_rate, 1),
      detail: `${formatNumber(summary.passed)} of ${formatNumber(summary.finished)} finished items passed`,
    },
    {
      label: 'Mean score',
      value: score(summary.mean_score),
      detail: summary.failed > 0 ? `${formatNumber(summary.failed)} failed items count as 0` : 'Mean of the scorers, per item',
    },
    {
      label: 'Latency p50 / p95',
      value: `${formatDuration(summary.latency_ms.p50)} / ${formatDuration(summary.latency_ms.p95)}`,
      detail: `mean ${formatDuration(summary.latency_ms.mean)}`,
    },
    {
      label: 'Tokens',
      value: formatNumber(summary.tokens.total),
      detail: summary.tokens.mean === null ? undefined : `${formatNumber(Math.round(summary.tokens.mean))} per item`,
    },
    { label: 'Cost', value: formatCost(summary.cost_usd) },
  ];
}

/** Each scorer's mean score and pass rate, by name. */
export function scorerRows(summary: RunSummaryView): { name: string; meanScore: string; passRate: string }[] {
  return Object.entries(summary.scorers).map(([name, stats]) => ({ name, meanScore: score(stats.mean_score), passRate: formatPercent(stats.pass_rate, 1) }));
}

/** An output or expected output as text to diff: strings as they are, anything else as stable JSON. */
export function outputText(value: unknown, stableJson: (value: unknown) => string): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : stableJson(value);
}
