import { describe, expect, it } from 'vitest';
import type { ScoreOutcome, Scorer, ScoringSample } from './scorer-types';
import { containsScorer, exactMatchScorer, REGEX_LIMITS, regexScorer } from './text-scorers';

const sample = (output: unknown, expected: unknown = null): ScoringSample => ({ output, expected, input: {} });
// Text scorers answer synchronously; the cast keeps assertions free of awaits.
const run = (scorer: Scorer, output: unknown, expected?: unknown) => scorer.score(sample(output, expected)) as ScoreOutcome;

describe('exact_match', () => {
  const plain = exactMatchScorer({ type: 'exact_match' });

  it('passes on identical text and fails otherwise, quoting both sides', () => {
    expect(run(plain, 'Paris', 'Paris')).toEqual({ score: 1, passed: true, reason: 'output equals the expected output' });
    expect(run(plain, 'paris', 'Paris')).toEqual({ score: 0, passed: false, reason: 'expected "Paris", got "paris"' });
    expect(run(plain, 'Paris ', 'Paris').passed).toBe(false);
  });

  it('folds case and collapses whitespace only when asked', () => {
    const folded = exactMatchScorer({ type: 'exact_match', ignore_case: true, normalize_whitespace: true });
    expect(run(folded, '  THE   capital\n is\tParis ', 'the capital is paris').passed).toBe(true);
    expect(run(exactMatchScorer({ type: 'exact_match', ignore_case: true }), 'the  capital', 'The capital').passed).toBe(false);
    expect(run(exactMatchScorer({ type: 'exact_match', normalize_whitespace: true }), 'The  capital', 'the capital').passed).toBe(false);
  });

  it('handles non-ASCII text, including case folding of accented letters', () => {
    expect(run(plain, '東京 🗼', '東京 🗼').passed).toBe(true);
    expect(run(exactMatchScorer({ type: 'exact_match', ignore_case: true }), 'ÜBER CAFÉ', 'über café').passed).toBe(true);
  });

  it('treats empty strings as ordinary values', () => {
    expect(run(plain, '', '').passed).toBe(true);
    expect(run(plain, '', 'x').passed).toBe(false);
  });

  it('compares numbers by their text, so 42 matches "42" but not "42.0"', () => {
    expect(run(plain, '42', 42).passed).toBe(true);
    expect(run(plain, 42, '42').passed).toBe(true);
    expect(run(plain, '42.0', 42).passed).toBe(false);
  });

  it('renders structured values as canonical JSON, so key order does not matter', () => {
    expect(run(plain, { b: 1, a: { d: 2, c: 3 } }, { a: { c: 3, d: 2 }, b: 1 }).passed).toBe(true);
    expect(run(plain, { a: [1, 2] }, { a: [2, 1] }).passed).toBe(false);
  });
});

describe('contains', () => {
  it('passes when the output holds the configured value', () => {
    const scorer = containsScorer({ type: 'contains', value: 'Paris' });
    expect(run(scorer, 'The capital of France is Paris.')).toEqual({ score: 1, passed: true, reason: 'output contains every value' });
    expect(run(scorer, 'The capital of France is paris.')).toEqual({ score: 0, passed: false, reason: 'output lacks "Paris"' });
  });

  it('requires every value by default and scores the fraction found', () => {
    const scorer = containsScorer({ type: 'contains', values: ['Paris', 'France', 'Seine'] });
    const outcome = run(scorer, 'Paris is in France.');
    expect(outcome.passed).toBe(false);
    expect(outcome.score).toBeCloseTo(2 / 3, 12);
    expect(outcome.reason).toBe('output lacks "Seine"');
  });

  it('passes with any single value when match is any', () => {
    const scorer = containsScorer({ type: 'contains', values: ['Paris', 'Lyon'], match: 'any' });
    expect(run(scorer, 'Lyon, of course')).toMatchObject({ passed: true, score: 0.5 });
    expect(run(scorer, 'Marseille')).toMatchObject({ passed: false, score: 0 });
  });

  it('ignores case on both sides when asked, including non-ASCII letters', () => {
    const scorer = containsScorer({ type: 'contains', values: ['ÉCOLE', 'straße'], ignore_case: true });
    expect(run(scorer, "l'école de la STRASSE et la STRAßE").passed).toBe(true);
    expect(run(containsScorer({ type: 'contains', value: 'ÉCOLE' }), "l'école").passed).toBe(false);
  });

  it('finds non-Latin and emoji needles', () => {
    expect(run(containsScorer({ type: 'contains', value: '東京' }), '首都は東京です').passed).toBe(true);
    expect(run(containsScorer({ type: 'contains', value: '🚀' }), 'launch 🚀 now').passed).toBe(true);
  });

  it('falls back to the expected output as the needle, numbers included', () => {
    const scorer = containsScorer({ type: 'contains' });
    expect(run(scorer, 'The answer is Paris.', 'Paris').passed).toBe(true);
    expect(run(scorer, 'The answer is 42.', 42).passed).toBe(true);
    expect(run(scorer, 'The answer is 41.', 42)).toMatchObject({ passed: false, reason: 'output lacks "42"' });
  });

  it('fails rather than passing vacuously when there is nothing to look for', () => {
    const scorer = containsScorer({ type: 'contains' });
    for (const expected of [null, undefined, '']) {
      expect(run(scorer, 'anything', expected)).toEqual({ score: 0, passed: false, reason: expect.stringContaining('nothing to look for') });
    }
  });
});

describe('not_contains', () => {
  const scorer = containsScorer({ type: 'not_contains', values: ['as an AI', 'sorry'], ignore_case: true });

  it('passes when none of the forbidden values appear', () => {
    expect(run(scorer, 'Paris is the capital.')).toEqual({ score: 1, passed: true, reason: 'output contains none of the forbidden values' });
  });

  it('fails when any forbidden value appears, naming it', () => {
    expect(run(scorer, 'As an AI, I cannot say.')).toEqual({ score: 0, passed: false, reason: 'output contains "as an AI"' });
    expect(run(scorer, 'Sorry! As an AI...').reason).toBe('output contains "as an AI", "sorry"');
  });

  it('is case-sensitive unless asked otherwise', () => {
    expect(run(containsScorer({ type: 'not_contains', value: 'sorry' }), 'Sorry.').passed).toBe(true);
  });

  it('falls back to the expected output, and fails when that is empty too', () => {
    const fallback = containsScorer({ type: 'not_contains' });
    expect(run(fallback, 'a safe answer', 'forbidden').passed).toBe(true);
    expect(run(fallback, 'this is forbidden', 'forbidden').passed).toBe(false);
    expect(run(fallback, 'anything', null)).toMatchObject({ passed: false, reason: expect.stringContaining('nothing to look for') });
  });
});

describe('regex', () => {
  it('passes on a match and names the pattern either way', () => {
    const scorer = regexScorer({ type: 'regex', pattern: '^\\d{3}-\\d{4}$' });
    expect(run(scorer, '555-1234')).toEqual({ score: 1, passed: true, reason: 'output matches /^\\d{3}-\\d{4}$/' });
    expect(run(scorer, 'call 555-1234')).toEqual({ score: 0, passed: false, reason: 'output does not match /^\\d{3}-\\d{4}$/' });
  });

  it('honours flags', () => {
    expect(run(regexScorer({ type: 'regex', pattern: '^yes$', flags: 'i' }), 'YES').passed).toBe(true);
    expect(run(regexScorer({ type: 'regex', pattern: '^yes$' }), 'YES').passed).toBe(false);
    expect(run(regexScorer({ type: 'regex', pattern: '^a.b$', flags: 's' }), 'a\nb').passed).toBe(true);
    expect(run(regexScorer({ type: 'regex', pattern: '^b$', flags: 'm' }), 'a\nb').passed).toBe(true);
  });

  it('matches Unicode scripts and whole characters, with or without the u flag', () => {
    const greek = regexScorer({ type: 'regex', pattern: '^\\p{Greek}+$', flags: 'u' });
    expect(run(greek, 'αβγ').passed).toBe(true);
    expect(run(greek, 'abc').passed).toBe(false);
    // RE2 always reads characters, so an astral emoji is one character either way.
    expect(run(regexScorer({ type: 'regex', pattern: '^.$', flags: 'u' }), '🚀').passed).toBe(true);
    expect(run(regexScorer({ type: 'regex', pattern: '^.$' }), '🚀').passed).toBe(true);
  });

  it('matches structured outputs against their canonical JSON text', () => {
    const scorer = regexScorer({ type: 'regex', pattern: '"status":"ok"' });
    expect(run(scorer, { status: 'ok', code: 200 }).passed).toBe(true);
  });

  it('gives the same answer on repeated calls (no lastIndex carried over)', () => {
    const scorer = regexScorer({ type: 'regex', pattern: 'cat' });
    expect([run(scorer, 'a cat'), run(scorer, 'a cat'), run(scorer, 'a dog')].map((o) => o.passed)).toEqual([true, true, false]);
  });

  it('refuses outputs beyond the input limit without running the pattern', () => {
    const scorer = regexScorer({ type: 'regex', pattern: 'a' });
    expect(run(scorer, 'a'.repeat(REGEX_LIMITS.maxInputChars)).passed).toBe(true);
    expect(run(scorer, 'a'.repeat(REGEX_LIMITS.maxInputChars + 1))).toEqual({
      score: 0,
      passed: false,
      reason: `output is longer than ${REGEX_LIMITS.maxInputChars} characters, the regex limit`,
    });
  });

  it('answers catastrophic-backtracking patterns correctly, in linear time', { timeout: 20_000 }, () => {
    // (a+)+$ on a long run of a's and a b tries ~2^n splits on a backtracking engine (hours at
    // n = 40, forever at 20,000); RE2 answers at once, so finishing at all shows linear time.
    const scorer = regexScorer({ type: 'regex', pattern: '(a+)+$' });
    expect(run(scorer, `${'a'.repeat(REGEX_LIMITS.maxInputChars - 1)}b`)).toMatchObject({ passed: false });
    expect(run(scorer, 'a'.repeat(REGEX_LIMITS.maxInputChars)).passed).toBe(true);
  });

  it('applies the i, m and s flags', () => {
    expect(run(regexScorer({ type: 'regex', pattern: '^CAT$', flags: 'im' }), 'dog\ncat').passed).toBe(true);
    expect(run(regexScorer({ type: 'regex', pattern: '^CAT$', flags: 'i' }), 'dog\ncat').passed).toBe(false);
    expect(run(regexScorer({ type: 'regex', pattern: 'a.b', flags: 's' }), 'a\nb').passed).toBe(true);
    expect(run(regexScorer({ type: 'regex', pattern: 'a.b' }), 'a\nb').passed).toBe(false);
  });
});
