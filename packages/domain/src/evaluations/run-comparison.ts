import type { EntityManager } from '@mikro-orm/postgresql';
import { PromptConflictError } from '@promptops/errors';
import { RunSummarySchema, type ComparisonVerdict, type EntryChange, type EntryComparison, type RunComparison } from '@promptops/validators';
import { requireRun } from './run-queries';
import { mcnemarExact, type McNemarResult } from './statistics/mcnemar';
import { pairedBootstrap, type BootstrapInterval } from './statistics/paired-bootstrap';

export const COMPARISON_ALPHA = 0.05;
const SCORE_EPSILON = 1e-9;

interface Side {
  passed: boolean;
  score: number;
}

interface PairRow {
  dataset_entry_id: string;
  repetition: number;
  base_passed: boolean;
  base_score: number;
  candidate_passed: boolean;
  candidate_score: number;
}

function changeOf(base: Side, candidate: Side): EntryChange {
  if (base.passed !== candidate.passed) return candidate.passed ? 'improved' : 'regressed';
  const delta = candidate.score - base.score;
  if (Math.abs(delta) <= SCORE_EPSILON) return 'unchanged';
  return delta > 0 ? 'improved' : 'regressed';
}

/**
 * Significant when the exact McNemar test on pass/fail or the bootstrap interval of the mean
 * score difference says so at α; the direction must agree, otherwise nothing is claimed.
 */
export function verdictOf(mcnemar: McNemarResult, bootstrap: BootstrapInterval, alpha = COMPARISON_ALPHA): ComparisonVerdict {
  const directions = new Set<ComparisonVerdict>();
  if (mcnemar.p_value < alpha) directions.add(mcnemar.c > mcnemar.b ? 'better' : 'worse');
  if (bootstrap.lower > 0) directions.add('better');
  if (bootstrap.upper < 0) directions.add('worse');
  return directions.size === 1 ? ([...directions][0] as ComparisonVerdict) : 'no_significant_difference';
}

/** Over the paired items only, so a run re-running a subset is compared on that subset. */
function ratesOf(sides: Side[]): { pass_rate: number | null; mean_score: number | null } {
  if (sides.length === 0) return { pass_rate: null, mean_score: null };
  const mean = (values: number[]) => Number((values.reduce((sum, v) => sum + v, 0) / values.length).toFixed(6));
  return { pass_rate: mean(sides.map((s) => (s.passed ? 1 : 0))), mean_score: mean(sides.map((s) => s.score)) };
}

const delta = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || a === undefined || b === null || b === undefined ? null : Number((b - a).toFixed(6));

/** Pairs two finished runs over the same dataset item by item: (entry, repetition) present in both. */
export async function compareRuns(em: EntityManager, baseId: string, candidateId: string): Promise<RunComparison> {
  const [base, candidate] = await Promise.all([requireRun(em, baseId), requireRun(em, candidateId)]);
  if (base.dataset !== candidate.dataset) {
    throw new PromptConflictError('Runs evaluate different datasets and cannot be compared', {
      base_dataset_id: base.dataset,
      candidate_dataset_id: candidate.dataset,
    });
  }
  for (const run of [base, candidate]) {
    if (run.status === 'queued' || run.status === 'running')
      throw new PromptConflictError(`Run ${run.id} is still ${run.status}`, { id: run.id, status: run.status });
  }
  // An item whose execution failed counts as not passed with score 0, as in the run summary.
  // Raw: a self-join of evaluation_results on (entry, repetition), which is no relation the QueryBuilder knows.
  const rows = await em.getConnection().execute<PairRow[]>(
    `select b.dataset_entry_id, b.repetition,
            coalesce(b.passed, false) as base_passed, coalesce(b.score, 0) as base_score,
            coalesce(c.passed, false) as candidate_passed, coalesce(c.score, 0) as candidate_score
       from evaluation_results b
       join evaluation_results c on c.dataset_entry_id = b.dataset_entry_id and c.repetition = b.repetition
      where b.run_id = ? and c.run_id = ? and b.status in ('scored', 'failed') and c.status in ('scored', 'failed')
      order by b.position`,
    [baseId, candidateId],
  );
  const entries = rows.map((row): EntryComparison => {
    const sides = { base: { passed: row.base_passed, score: row.base_score }, candidate: { passed: row.candidate_passed, score: row.candidate_score } };
    return { dataset_entry_id: row.dataset_entry_id, repetition: row.repetition, ...sides, change: changeOf(sides.base, sides.candidate) };
  });
  const counts = { improved: 0, regressed: 0, unchanged: 0 };
  for (const entry of entries) counts[entry.change]++;
  const mcnemar = mcnemarExact(
    entries.filter((e) => e.base.passed && !e.candidate.passed).length,
    entries.filter((e) => !e.base.passed && e.candidate.passed).length,
  );
  const bootstrap = pairedBootstrap(entries.map((e) => e.candidate.score - e.base.score));
  const baseRates = ratesOf(entries.map((e) => e.base));
  const candidateRates = ratesOf(entries.map((e) => e.candidate));
  const baseSummary = base.summary ? RunSummarySchema.parse(base.summary) : null;
  const candidateSummary = candidate.summary ? RunSummarySchema.parse(candidate.summary) : null;
  const scorerNames = Object.keys(baseSummary?.scorers ?? {}).filter((name) => candidateSummary?.scorers[name]);
  return {
    base_run_id: baseId,
    candidate_run_id: candidateId,
    dataset_id: base.dataset,
    pairs: entries.length,
    counts,
    base: baseRates,
    candidate: candidateRates,
    deltas: {
      pass_rate: delta(baseRates.pass_rate, candidateRates.pass_rate),
      mean_score: delta(baseRates.mean_score, candidateRates.mean_score),
      scorers: Object.fromEntries(
        scorerNames.map((name) => [name, delta(baseSummary?.scorers[name]?.mean_score, candidateSummary?.scorers[name]?.mean_score) ?? 0]),
      ),
      latency_p50_ms: delta(baseSummary?.latency_ms.p50, candidateSummary?.latency_ms.p50),
      cost_usd: delta(baseSummary?.cost_usd, candidateSummary?.cost_usd),
    },
    mcnemar,
    bootstrap,
    alpha: COMPARISON_ALPHA,
    verdict: verdictOf(mcnemar, bootstrap),
    entries,
  };
}
