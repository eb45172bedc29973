import { describe, expect, it } from 'vitest';
import type { RunComparison, RunView } from '@promptops/domain';
import {
  comparisonTable,
  countsLine,
  entriesTable,
  estimateEta,
  formatDuration,
  gateOutcome,
  progressLine,
  progressPayload,
  summaryTables,
  verdictSentence,
} from './eval-format';
import { DEFAULT_SCORERS, parseScorerArg, parseScorersFile, passRate, positiveInt, resolveScorers } from './eval-options';

const RUN_ID = '0b5f1c7e-3d2a-4b8e-9f10-6a7d2c4e8b11';

function runView(overrides: Partial<RunView> = {}): RunView {
  return {
    id: RUN_ID,
    dataset_id: 'd1',
    template_id: 't1',
    template_ref: 'Capital Finder@2',
    status: 'completed',
    scorers: [{ type: 'exact_match' }],
    concurrency: 10,
    repetitions: 1,
    tags: null,
    tag_match: null,
    provider: 'openai',
    model: 'gpt-4o-mini',
    parent_run_id: null,
    progress: { total: 8, done: 8, scored: 7, failed: 1, running: 0, pending: 0, cancelled: 0 },
    summary: {
      finished: 8,
      scored: 7,
      failed: 1,
      passed: 6,
      pass_rate: 0.75,
      mean_score: 0.8125,
      scorers: { exact_match: { mean_score: 0.857143, pass_rate: 0.857143 }, similarity: { mean_score: 0.9, pass_rate: 1 } },
      latency_ms: { p50: 412.5, p95: 1830, mean: 600 },
      tokens: { total: 1200, mean: 150 },
      cost_usd: 0.00042,
    },
    error_message: null,
    request_id: null,
    created_at: '2025-01-31T12:00:00.000Z',
    started_at: '2025-01-31T12:00:00.000Z',
    finished_at: '2025-01-31T12:00:12.400Z',
    ...overrides,
  };
}

function comparison(overrides: Partial<RunComparison> = {}): RunComparison {
  return {
    base_run_id: 'b',
    candidate_run_id: 'c',
    dataset_id: 'd1',
    pairs: 8,
    counts: { improved: 6, regressed: 1, unchanged: 1 },
    base: { pass_rate: 0.25, mean_score: 0.3 },
    candidate: { pass_rate: 0.875, mean_score: 0.9 },
    deltas: { pass_rate: 0.625, mean_score: 0.6, scorers: { exact_match: 0.625 }, latency_p50_ms: -20, cost_usd: 0.0001 },
    mcnemar: { b: 0, c: 6, p_value: 0.015625 },
    bootstrap: { mean_difference: 0.6, lower: 0.4167, upper: 0.9063, confidence: 0.95, resamples: 2000, seed: 1 },
    alpha: 0.05,
    verdict: 'better',
    entries: [
      { dataset_entry_id: 'e-improved', repetition: 0, base: { passed: false, score: 0 }, candidate: { passed: true, score: 1 }, change: 'improved' },
      { dataset_entry_id: 'e-regressed', repetition: 1, base: { passed: true, score: 1 }, candidate: { passed: false, score: 0.25 }, change: 'regressed' },
      { dataset_entry_id: 'e-same', repetition: 0, base: { passed: true, score: 1 }, candidate: { passed: true, score: 1 }, change: 'unchanged' },
    ],
    ...overrides,
  };
}

describe('verdict sentence', () => {
  it('says better, worse or no significant difference with the evidence', () => {
    expect(verdictSentence(comparison())).toBe(
      'candidate is BETTER than base (McNemar exact p = 0.0156, bootstrap 95% CI of mean score difference [0.417, 0.906])',
    );
    expect(verdictSentence(comparison({ verdict: 'worse', mcnemar: { b: 9, c: 0, p_value: 0.00001 } }))).toMatch(
      /^candidate is WORSE than base \(McNemar exact p < 0\.0001, /,
    );
    expect(verdictSentence(comparison({ verdict: 'no_significant_difference', mcnemar: { b: 2, c: 3, p_value: 1 } }))).toMatch(
      /^NO SIGNIFICANT DIFFERENCE between candidate and base at α = 0\.05 \(McNemar exact p = 1\.0000, /,
    );
    expect(verdictSentence(comparison({ pairs: 0 }))).toBe('nothing to compare: no item finished in both runs');
  });

  it('counts the changed items', () => {
    expect(countsLine(comparison())).toBe('8 paired items: 6 improved, 1 regressed, 1 unchanged');
  });
});

describe('comparison and entry tables', () => {
  it('puts base, candidate and delta side by side, scorers of either run included', () => {
    const base = runView({
      summary: {
        ...runView().summary,
        scorers: { exact_match: { mean_score: 0.25, pass_rate: 0.25 } },
        latency_ms: { p50: 500, p95: 900, mean: 550 },
        cost_usd: 0.0003,
      },
    });
    const table = comparisonTable(comparison(), base, runView());
    expect(table).toMatch(/pass rate\s+│ 25\.0%\s+│ 87\.5%\s+│ \+62\.5 pp/);
    expect(table).toMatch(/mean score\s+│ 0\.300\s+│ 0\.900\s+│ \+0\.600/);
    expect(table).toMatch(/exact_match \(mean\)\s+│ 0\.250\s+│ 0\.857\s+│ \+0\.625/);
    expect(table).toMatch(/similarity \(mean\)\s+│ –\s+│ 0\.900\s+│ –/);
    expect(table).toMatch(/latency p50\s+│ 500 ms\s+│ 413 ms\s+│ -20 ms/);
    expect(table).toMatch(/cost\s+│ \$0\.000300\s+│ \$0\.000420\s+│ \+\$0\.000100/);
  });

  it('lists one kind of change, with inputs when known and a cap', () => {
    const regressed = entriesTable(comparison().entries, 'regressed', new Map([['e-regressed:1', '{"country":"Peru"}']]));
    expect(regressed).toMatch(/^regressed entries \(1\):/);
    expect(regressed).toMatch(/e-regressed\s+│ 1\s+│ \{"country":"Peru"\}\s+│ pass 1\.000 │ fail 0\.250/);
    expect(entriesTable(comparison().entries, 'improved')).not.toContain('input');
    const [improved] = comparison().entries;
    const many = Array.from({ length: 3 }, (_, i) => ({ ...(improved as RunComparison['entries'][number]), dataset_entry_id: `e${i}` }));
    expect(entriesTable(many, 'improved', new Map(), 2)).toMatch(/… and 1 more \(--json lists them all\)$/);
    expect(entriesTable([], 'regressed')).toBe('regressed entries: none');
  });
});

describe('run summary', () => {
  it('shows status, items, pass rate, scores, latency, tokens, cost, scorers and the run id', () => {
    const text = summaryTables(runView());
    for (const row of [
      /status\s+│ completed in 12s/,
      /template\s+│ Capital Finder@2 \(openai\/gpt-4o-mini\)/,
      /items\s+│ 8 of 8 finished/,
      /passed\s+│ 6/,
      /failed\s+│ 2 \(1 execution errors\)/,
      /pass rate\s+│ 75\.0%/,
      /mean score\s+│ 0\.813/,
      /latency p50 \/ p95\s+│ 413 ms \/ 1830 ms/,
      /tokens\s+│ 1200 \(150\.0 per item\)/,
      /cost\s+│ \$0\.000420/,
      /exact_match\s+│ 0\.857\s+│ 85\.7%/,
      /similarity\s+│ 0\.900\s+│ 100\.0%/,
    ]) {
      expect(text).toMatch(row);
    }
    expect(text.trimEnd().split('\n').at(-1)).toBe(`run ${RUN_ID} (details: GET /v1/runs/${RUN_ID}/results)`);
    expect(text).not.toContain('\u001b[');
  });

  it('says what was cancelled or why a run failed', () => {
    const cancelled = runView({ status: 'cancelled', error_message: 'cancelled by request', progress: { ...runView().progress, cancelled: 3 } });
    expect(summaryTables(cancelled)).toMatch(/status\s+│ cancelled \(cancelled by request\) in 12s/);
    expect(summaryTables(cancelled)).toMatch(/items\s+│ 8 of 8 finished, 3 cancelled/);
  });
});

describe('gate', () => {
  it('passes at or above the threshold and fails under it, saying why', () => {
    expect(gateOutcome(runView())).toEqual({ exitCode: 0 });
    expect(gateOutcome(runView(), 0.75)).toEqual({ exitCode: 0, message: 'PASS: pass rate 75.0% meets the required 75.0% (6 of 8 items passed)' });
    expect(gateOutcome(runView(), 0.9)).toEqual({ exitCode: 1, message: 'FAIL: pass rate 75.0% is below the required 90.0% (6 of 8 items passed)' });
  });

  it('never prints a failing rate that looks equal to the threshold', () => {
    const close = runView({ summary: { ...runView().summary, pass_rate: 0.8999 } });
    expect(gateOutcome(close, 0.9).message).toContain('pass rate 89.99% is below the required 90.00%');
  });

  it('fails failed and cancelled runs, and runs with nothing finished under a threshold', () => {
    expect(gateOutcome(runView({ status: 'failed', error_message: 'every item failed' }))).toEqual({
      exitCode: 1,
      message: `FAIL: run ${RUN_ID} failed (every item failed)`,
    });
    expect(gateOutcome(runView({ status: 'cancelled' })).exitCode).toBe(1);
    expect(gateOutcome(runView({ summary: { ...runView().summary, finished: 0, pass_rate: null } }), 0.5).message).toMatch(/^FAIL: no item finished/);
  });
});

describe('progress', () => {
  it('renders a log line with counts, elapsed time and ETA', () => {
    const running = runView({
      status: 'running',
      progress: { total: 40, done: 10, scored: 10, failed: 0, running: 4, pending: 26, cancelled: 0 },
      summary: { ...runView().summary, finished: 10, passed: 9, failed: 1 },
    });
    expect(progressLine(running, 3200, 9.6)).toBe(`run ${RUN_ID} running: 10/40 (25%) | 9 passed, 1 failed (1 errors), 4 running | elapsed 3.2s, ETA 9.6s`);
    expect(progressLine(runView(), 65_000, 0)).toBe(`run ${RUN_ID} completed: 8/8 (100%) | 6 passed, 2 failed (1 errors), 0 running | elapsed 1m05s`);
    expect(progressPayload(running, null).eta_text).toBe('?');
  });

  it('estimates the time left from the rate since items started finishing', () => {
    expect(estimateEta({ at: 0, done: 0 }, 2000, 10, 40)).toBe(6);
    expect(estimateEta({ at: 0, done: 5 }, 2000, 5, 40)).toBeNull();
    expect(estimateEta({ at: 0, done: 40 }, 2000, 40, 40)).toBe(0);
    expect([formatDuration(0.42), formatDuration(42), formatDuration(3725)]).toEqual(['0.4s', '42s', '1h02m']);
  });
});

describe('eval options', () => {
  it('takes scorers as JSON objects, arrays, or bare option-less types, file first', () => {
    expect(parseScorerArg('exact_match')).toEqual([{ type: 'exact_match' }]);
    expect(parseScorerArg('{"type":"contains","value":"yes","name":"says yes"}')).toEqual([{ type: 'contains', value: 'yes', name: 'says yes' }]);
    expect(parseScorerArg('[{"type":"json_equal"},{"type":"regex","pattern":"^a"}]')).toHaveLength(2);
    expect(resolveScorers(['json_equal'], { text: '{"scorers":[{"type":"exact_match","ignore_case":true}]}', path: 's.json' })).toEqual([
      { type: 'exact_match', ignore_case: true },
      { type: 'json_equal' },
    ]);
    expect(resolveScorers([])).toEqual(DEFAULT_SCORERS);
  });

  it('rejects malformed scorers as usage errors before anything is sent', () => {
    expect(() => parseScorerArg('{"type":')).toThrow(/not valid JSON/);
    expect(() => parseScorerArg('{"value":"x"}')).toThrow(/a scorer is a JSON object with a "type"/);
    expect(() => parseScorerArg('regex')).toThrow(/needs the "pattern" option/);
    expect(() => parseScorerArg('Exact Match')).toThrow(/expected a scorer type/);
    expect(() => parseScorersFile('[]', 'empty.json')).toThrow(/holds no scorer/);
  });

  it('reads pass rates as fractions or percentages and counts as whole numbers', () => {
    expect([passRate('0.9'), passRate('90%'), passRate('1'), passRate('0')]).toEqual([0.9, 0.9, 1, 0]);
    for (const bad of ['90', '1.5', '-0.1', 'x', '%', '']) expect(() => passRate(bad), bad).toThrow();
    expect(positiveInt('4')).toBe(4);
    for (const bad of ['0', '-1', '2.5', 'ten']) expect(() => positiveInt(bad), bad).toThrow();
  });
});
