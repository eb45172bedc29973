import Table from 'cli-table3';
import type { EntryChange, EntryComparison, RunComparison, RunView } from '@promptops/domain';

/**
 * Pure formatting for `promptops eval` and `promptops compare`: tables, the progress line, the
 * gate decision and the verdict sentence. No I/O here, so all of it is unit-tested without a server.
 */

const NONE = '–';
const TERMINAL = new Set(['completed', 'failed', 'cancelled']);

export const isTerminal = (run: Pick<RunView, 'status'>): boolean => TERMINAL.has(run.status);

/** Compact tables without colours, so CI logs and redirected output stay plain text. */
const plainTable = (options: ConstructorParameters<typeof Table>[0] = {}) => new Table({ style: { head: [], border: [], compact: true }, ...options });

export function formatPercent(rate: number | null | undefined, digits = 1): string {
  return rate === null || rate === undefined ? NONE : `${(rate * 100).toFixed(digits)}%`;
}

export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined ? NONE : value.toFixed(3);
}

export function formatMs(value: number | null | undefined): string {
  if (value === null || value === undefined) return NONE;
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}

export function formatUsd(value: number | null | undefined): string {
  if (value === null || value === undefined) return 'unknown';
  return `$${value.toFixed(value !== 0 && Math.abs(value) < 0.01 ? 6 : 4)}`;
}

/** `0.4s`, `8.0s`, `42s`, `1m05s`, `2h03m`. */
export function formatDuration(seconds: number): string {
  if (seconds < 9.95) return `${Math.max(0, seconds).toFixed(1)}s`;
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

const signed = (value: number, text: string) => (value > 0 ? `+${text}` : value < 0 ? text : text.replace(/^-/, ''));

function formatDelta(value: number | null | undefined, kind: 'points' | 'score' | 'ms' | 'usd'): string {
  if (value === null || value === undefined) return NONE;
  switch (kind) {
    case 'points':
      return signed(value, `${(value * 100).toFixed(1)} pp`);
    case 'score':
      return signed(value, value.toFixed(3));
    case 'ms':
      return signed(value, `${Math.round(value)} ms`);
    case 'usd':
      return signed(value, `${value < 0 ? '-' : ''}${formatUsd(Math.abs(value))}`);
  }
}

/**
 * Seconds left at the rate observed since `since` (when `done` was `since.done`), or null until
 * at least one item finished in that window.
 */
export function estimateEta(since: { at: number; done: number }, now: number, done: number, total: number): number | null {
  const finished = done - since.done;
  if (finished <= 0 || now <= since.at) return done >= total ? 0 : null;
  return Math.max(0, ((total - done) * (now - since.at)) / finished / 1000);
}

/** Values for the live progress bar's format string. */
export function progressPayload(run: RunView, etaSeconds: number | null) {
  // Counts come from the summary alone: it is one query, so they agree with each other even while
  // items finish between it and the progress query.
  const { passed, finished, failed } = run.summary;
  return {
    status: run.status,
    passed,
    not_passed: Math.max(0, finished - passed),
    errors: failed,
    running: run.progress.running,
    eta_text: etaSeconds === null ? (run.progress.done >= run.progress.total ? '0s' : '?') : formatDuration(etaSeconds),
  };
}

export const PROGRESS_BAR_FORMAT = 'eval [{bar}] {value}/{total} | {passed} passed, {not_passed} failed ({errors} errors) | {running} running | ETA {eta_text}';

/** One line for logs that are not a terminal (CI): status, counts, elapsed time and ETA. */
export function progressLine(run: RunView, elapsedMs: number, etaSeconds: number | null): string {
  const { total, done } = run.progress;
  const share = total === 0 ? 0 : Math.floor((done / total) * 100);
  const payload = progressPayload(run, etaSeconds);
  const counts = `${payload.passed} passed, ${payload.not_passed} failed (${payload.errors} errors), ${payload.running} running`;
  const eta = isTerminal(run) ? '' : `, ETA ${payload.eta_text}`;
  return `run ${run.id} ${run.status}: ${done}/${total} (${share}%) | ${counts} | elapsed ${formatDuration(elapsedMs / 1000)}${eta}`;
}

function runDuration(run: RunView): string | null {
  if (!run.started_at || !run.finished_at) return null;
  return formatDuration((Date.parse(run.finished_at) - Date.parse(run.started_at)) / 1000);
}

/** The run summary: one key/value table, then a table of the scorers. */
export function summaryTables(run: RunView): string {
  const { summary, progress } = run;
  const notPassed = Math.max(0, summary.finished - summary.passed);
  const duration = runDuration(run);
  const table = plainTable();
  table.push(
    { status: [`${run.status}${run.error_message && run.status !== 'completed' ? ` (${run.error_message})` : ''}${duration ? ` in ${duration}` : ''}`] },
    { template: [`${run.template_ref} (${run.provider}${run.model ? `/${run.model}` : ''})`] },
    {
      items: [
        `${summary.finished} of ${progress.total} finished${progress.cancelled ? `, ${progress.cancelled} cancelled` : ''}${run.repetitions > 1 ? ` (${run.repetitions} repetitions per entry)` : ''}`,
      ],
    },
    { passed: [String(summary.passed)] },
    { failed: [`${notPassed}${summary.failed ? ` (${summary.failed} execution errors)` : ''}`] },
    { 'pass rate': [formatPercent(summary.pass_rate)] },
    { 'mean score': [formatScore(summary.mean_score)] },
    { 'latency p50 / p95': [`${formatMs(summary.latency_ms.p50)} / ${formatMs(summary.latency_ms.p95)}`] },
    { tokens: [`${summary.tokens.total}${summary.tokens.mean === null ? '' : ` (${summary.tokens.mean.toFixed(1)} per item)`}`] },
    { cost: [formatUsd(summary.cost_usd)] },
  );
  const parts = [table.toString()];
  const scorers = Object.entries(summary.scorers);
  if (scorers.length > 0) {
    const perScorer = plainTable({ head: ['scorer', 'mean score', 'pass rate'] });
    for (const [name, figures] of scorers) perScorer.push([name, formatScore(figures.mean_score), formatPercent(figures.pass_rate)]);
    parts.push(perScorer.toString());
  }
  parts.push(`run ${run.id} (details: GET /v1/runs/${run.id}/results)`);
  return `${parts.join('\n')}\n`;
}

/** Enough decimals that a rate just under the threshold never prints the same as the threshold. */
function distinctPercents(a: number, b: number): [string, string] {
  for (let digits = 1; digits < 4; digits++) {
    if (formatPercent(a, digits) !== formatPercent(b, digits)) return [formatPercent(a, digits), formatPercent(b, digits)];
  }
  return [formatPercent(a, 4), formatPercent(b, 4)];
}

export interface GateOutcome {
  exitCode: 0 | 1;
  /** Why, for the log; absent when there was nothing to judge. */
  message?: string;
}

/** Exit 1 when the run failed, was cancelled, or its pass rate is under `minPassRate`. */
export function gateOutcome(run: RunView, minPassRate?: number): GateOutcome {
  if (run.status === 'failed') return { exitCode: 1, message: `FAIL: run ${run.id} failed${run.error_message ? ` (${run.error_message})` : ''}` };
  if (run.status === 'cancelled') return { exitCode: 1, message: `FAIL: run ${run.id} was cancelled before it finished` };
  if (minPassRate === undefined) return { exitCode: 0 };
  const rate = run.summary.pass_rate;
  const required = formatPercent(minPassRate);
  if (rate === null) return { exitCode: 1, message: `FAIL: no item finished, so there is no pass rate to hold against the required ${required}` };
  const items = `${run.summary.passed} of ${run.summary.finished} items passed`;
  if (rate < minPassRate) {
    const [actual, threshold] = distinctPercents(rate, minPassRate);
    return { exitCode: 1, message: `FAIL: pass rate ${actual} is below the required ${threshold} (${items})` };
  }
  return { exitCode: 0, message: `PASS: pass rate ${formatPercent(rate)} meets the required ${required} (${items})` };
}

function formatP(p: number): string {
  return p < 0.0001 ? 'p < 0.0001' : `p = ${p.toFixed(4)}`;
}

/** The verdict in plain words with the evidence behind it. */
export function verdictSentence(comparison: RunComparison): string {
  if (comparison.pairs === 0) return 'nothing to compare: no item finished in both runs';
  const { mcnemar, bootstrap } = comparison;
  const ci = `[${bootstrap.lower.toFixed(3)}, ${bootstrap.upper.toFixed(3)}]`;
  const evidence = `McNemar exact ${formatP(mcnemar.p_value)}, bootstrap ${Math.round(bootstrap.confidence * 100)}% CI of mean score difference ${ci}`;
  switch (comparison.verdict) {
    case 'better':
      return `candidate is BETTER than base (${evidence})`;
    case 'worse':
      return `candidate is WORSE than base (${evidence})`;
    default:
      return `NO SIGNIFICANT DIFFERENCE between candidate and base at α = ${comparison.alpha} (${evidence})`;
  }
}

export function countsLine(comparison: RunComparison): string {
  const { improved, regressed, unchanged } = comparison.counts;
  return `${comparison.pairs} paired items: ${improved} improved, ${regressed} regressed, ${unchanged} unchanged`;
}

type RunSide = Pick<RunView, 'id' | 'summary'>;

/** Base vs candidate vs delta: pass rate, mean score, each scorer's mean score, latency p50 and cost. */
export function comparisonTable(comparison: RunComparison, base: RunSide, candidate: RunSide): string {
  const table = plainTable({ head: ['', 'base', 'candidate', 'delta'] });
  const { deltas } = comparison;
  table.push(
    ['pass rate', formatPercent(comparison.base.pass_rate), formatPercent(comparison.candidate.pass_rate), formatDelta(deltas.pass_rate, 'points')],
    ['mean score', formatScore(comparison.base.mean_score), formatScore(comparison.candidate.mean_score), formatDelta(deltas.mean_score, 'score')],
  );
  const names = [...new Set([...Object.keys(base.summary.scorers), ...Object.keys(candidate.summary.scorers)])];
  for (const name of names) {
    table.push([
      `${name} (mean)`,
      formatScore(base.summary.scorers[name]?.mean_score),
      formatScore(candidate.summary.scorers[name]?.mean_score),
      formatDelta(deltas.scorers[name], 'score'),
    ]);
  }
  table.push(
    ['latency p50', formatMs(base.summary.latency_ms.p50), formatMs(candidate.summary.latency_ms.p50), formatDelta(deltas.latency_p50_ms, 'ms')],
    ['cost', formatUsd(base.summary.cost_usd), formatUsd(candidate.summary.cost_usd), formatDelta(deltas.cost_usd, 'usd')],
  );
  return table.toString();
}

/** What an entry's input looked like, keyed by `entryId:repetition`, when the results were fetched. */
export type EntryPreviews = Map<string, string>;

export const entryKey = (entry: { dataset_entry_id: string; repetition: number }) => `${entry.dataset_entry_id}:${entry.repetition}`;

export function preview(value: unknown, max = 48): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const side = (s: { passed: boolean; score: number }) => `${s.passed ? 'pass' : 'fail'} ${s.score.toFixed(3)}`;

/** The entries that changed one way, at most `limit` rows, with a note on how many were left out. */
export function entriesTable(entries: EntryComparison[], change: EntryChange, previews: EntryPreviews = new Map(), limit = 50): string {
  const chosen = entries.filter((entry) => entry.change === change);
  if (chosen.length === 0) return `${change} entries: none`;
  const withInput = previews.size > 0;
  const table = plainTable({ head: ['entry', 'rep', ...(withInput ? ['input'] : []), 'base', 'candidate'] });
  for (const entry of chosen.slice(0, limit)) {
    const input = previews.get(entryKey(entry));
    table.push([entry.dataset_entry_id, entry.repetition, ...(withInput ? [input ?? ''] : []), side(entry.base), side(entry.candidate)]);
  }
  const more = chosen.length > limit ? `\n… and ${chosen.length - limit} more (--json lists them all)` : '';
  return `${change} entries (${chosen.length}):\n${table.toString()}${more}`;
}
