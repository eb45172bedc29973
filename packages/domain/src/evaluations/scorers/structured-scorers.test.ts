import { JsonSchemaValidator } from '@promptops/schemas';
import { describe, expect, it } from 'vitest';
import type { Judge, JudgeVerdict } from '../judge-runner';
import { jsonEqualScorer, jsonFieldMatchScorer, jsonSchemaScorer } from './json-scorers';
import { llmJudgeScorer } from './llm-judge-scorer';
import { numericScorer } from './numeric-scorer';
import type { ScoreOutcome, Scorer } from './scorer-types';
import { levenshteinDistance, levenshteinSimilarity, similarityScorer, tokenF1 } from './similarity-scorers';

const run = (scorer: Scorer, output: unknown, expected: unknown = null) => scorer.score({ output, expected, input: {} }) as ScoreOutcome;

describe('json_equal', () => {
  const scorer = jsonEqualScorer();

  it('ignores key order at every depth, for JSON text and objects alike', () => {
    const expected = { a: [1, { x: 1, y: 2 }], b: { c: { d: 'é', e: null } } };
    expect(run(scorer, '{"b":{"c":{"e":null,"d":"é"}},"a":[1,{"y":2,"x":1}]}', expected)).toEqual({
      score: 1,
      passed: true,
      reason: 'output equals the expected JSON',
    });
    expect(run(scorer, { b: { c: { e: null, d: 'é' } }, a: [1, { y: 2, x: 1 }] }, expected).passed).toBe(true);
  });

  it('keeps array order significant', () => {
    expect(run(scorer, '[2, 1]', [1, 2])).toEqual({ score: 0, passed: false, reason: 'expected [1,2], got [2,1]' });
  });

  it('distinguishes numbers from numeric strings and null from missing keys', () => {
    expect(run(scorer, '{"a": 1}', { a: '1' }).passed).toBe(false);
    expect(run(scorer, '{"a": 1, "b": null}', { a: 1 }).passed).toBe(false);
  });

  it('reads JSON out of fences and prose, and parses an expected output given as JSON text', () => {
    expect(run(scorer, 'Here it is:\n```json\n{"answer": "Paris"}\n```', { answer: 'Paris' }).passed).toBe(true);
    expect(run(scorer, { answer: 'Paris' }, '{"answer":"Paris"}').passed).toBe(true);
    expect(run(scorer, '"Paris"', 'Paris').passed).toBe(true);
  });

  it('fails with the parse error when the output is not JSON', () => {
    const outcome = run(scorer, 'The answer is Paris', { answer: 'Paris' });
    expect(outcome).toMatchObject({ score: 0, passed: false });
    expect(outcome.reason).toMatch(/^output is not JSON \(/);
  });
});

describe('json_schema (real validator)', () => {
  const schema = {
    type: 'object',
    required: ['answer'],
    properties: { answer: { type: 'string', minLength: 1 }, confidence: { type: 'number', minimum: 0, maximum: 1 } },
    additionalProperties: false,
  };
  const scorer = jsonSchemaScorer({ type: 'json_schema', schema }, new JsonSchemaValidator());

  it('passes for conforming JSON text or objects', () => {
    expect(run(scorer, '{"answer": "Paris", "confidence": 0.9}')).toEqual({ score: 1, passed: true, reason: 'output satisfies the schema' });
    expect(run(scorer, { answer: 'Zoë' }).passed).toBe(true);
  });

  it('lists the violations with their paths', () => {
    const outcome = run(scorer, { answer: 7, confidence: 1.5 });
    expect(outcome).toMatchObject({ score: 0, passed: false });
    expect(outcome.reason).toContain('/answer: must be string');
    expect(outcome.reason).toContain('/confidence: must be <= 1');
    expect(run(scorer, {}).reason).toContain("must have required property 'answer'");
  });

  it('fails on output that is not JSON', () => {
    expect(run(scorer, 'Paris').reason).toMatch(/^output is not JSON/);
  });
});

describe('json_field_match', () => {
  const scorer = jsonFieldMatchScorer({ type: 'json_field_match', fields: { answer: 'Paris', 'meta.confidence': 0.9, 'items.0.tags': { a: 1, b: 2 } } });

  it('passes when every path holds its value (object values compared without key order)', () => {
    const output = '{"answer":"Paris","meta":{"confidence":0.9},"items":[{"tags":{"b":2,"a":1}}]}';
    expect(run(scorer, output)).toEqual({ score: 1, passed: true, reason: 'all 3 fields match' });
  });

  it('scores the fraction of matching fields and names mismatches and missing paths', () => {
    const outcome = run(scorer, { answer: 'Lyon', meta: { confidence: 0.9 } });
    expect(outcome.passed).toBe(false);
    expect(outcome.score).toBeCloseTo(1 / 3, 12);
    expect(outcome.reason).toBe('answer: expected "Paris", got "Lyon"; items.0.tags is missing');
  });

  it('does not treat a numeric string as the number', () => {
    expect(run(scorer, { answer: 'Paris', meta: { confidence: '0.9' }, items: [{ tags: { a: 1, b: 2 } }] }).score).toBeCloseTo(2 / 3, 12);
  });
});

describe('numeric', () => {
  const absolute = numericScorer({ type: 'numeric', tolerance: 0.01 });

  it('passes within the absolute tolerance, inclusive, and explains the arithmetic', () => {
    expect(run(absolute, '3.14159', 3.14)).toEqual({ score: 1, passed: true, reason: '|3.14159 - 3.14| = 0.00159 <= 0.01' });
    expect(run(numericScorer({ type: 'numeric', tolerance: 0.5 }), 10.5, 10).passed).toBe(true);
    expect(run(absolute, '3.16', 3.14)).toEqual({ score: 0, passed: false, reason: '|3.16 - 3.14| = 0.02 > 0.01' });
  });

  it('keeps a difference equal to the tolerance on paper inside it despite binary rounding', () => {
    // In doubles |3.15 - 3.14| is 0.010000000000000231, a hair above 0.01.
    expect(run(absolute, 3.15, 3.14).passed).toBe(true);
    expect(run(absolute, 3.1500001, 3.14).passed).toBe(false);
    expect(run(numericScorer({ type: 'numeric', tolerance: 0.1, relative: true }), 1.1, 1).passed).toBe(true);
    expect(run(numericScorer({ type: 'numeric', tolerance: 0 }), 0.1, '0.1').passed).toBe(true);
    expect(run(numericScorer({ type: 'numeric', tolerance: 0 }), 0.1, 0.1000001).passed).toBe(false);
  });

  it('accepts numbers, numeric strings and numbers inside prose on either side', () => {
    expect(run(absolute, 42, '42').passed).toBe(true);
    expect(run(absolute, 'about 42.5 km', 42.5).passed).toBe(true);
    expect(run(absolute, 'The total is 1,234,567 units', 1234567).passed).toBe(true);
    expect(run(absolute, '-7 degrees', -7).passed).toBe(true);
    expect(run(absolute, '1.5e3', 1500).passed).toBe(true);
  });

  it('reads leading-dot decimals whole but not a number glued to a word', () => {
    expect(run(absolute, '.5', 0.5).passed).toBe(true);
    expect(run(absolute, 'roughly -.25', -0.25).passed).toBe(true);
    expect(run(absolute, 'see fig.3', 3).passed).toBe(true);
  });

  it('fails on NaN, infinities and text without a number, saying which side is wrong', () => {
    for (const output of [Number.NaN, Number.POSITIVE_INFINITY, 'NaN', 'Infinity', '1e400', 'no idea', '', null]) {
      expect(run(absolute, output, 1)).toEqual({ score: 0, passed: false, reason: 'output is not a number' });
    }
    expect(run(absolute, 1, 'n/a')).toEqual({ score: 0, passed: false, reason: 'expected output is not a number' });
  });

  it('scales a relative tolerance by |expected|', () => {
    const relative = numericScorer({ type: 'numeric', tolerance: 0.05, relative: true });
    expect(run(relative, 209, 200).passed).toBe(true); // allowed 10
    expect(run(relative, 211, 200).passed).toBe(false);
    expect(run(relative, -209, -200).passed).toBe(true);
    // Nothing but 0 is within a relative tolerance of 0.
    expect(run(relative, 0, 0).passed).toBe(true);
    expect(run(relative, 0.001, 0).passed).toBe(false);
  });
});

describe('similarity', () => {
  it('computes Levenshtein distances and similarities known by hand', () => {
    // kitten → sitting: k→s, e→i, +g = 3 edits over 7 characters → 1 − 3/7 = 4/7.
    expect(levenshteinDistance('kitten', 'sitting')).toBe(3);
    expect(levenshteinSimilarity('kitten', 'sitting')).toBeCloseTo(4 / 7, 12);
    // flaw → lawn: −f, +n = 2 edits over 4 → 0.5.
    expect(levenshteinSimilarity('flaw', 'lawn')).toBe(0.5);
    expect(levenshteinSimilarity('', '')).toBe(1);
    expect(levenshteinSimilarity('', 'abc')).toBe(0);
    expect(levenshteinSimilarity('abc', 'xyz')).toBe(0);
  });

  it('counts an astral character as one edit, not two surrogate halves', () => {
    // 😀 → 😃 is one substitution over one code point: 0, not the 0.5 that UTF-16 units gave.
    expect(levenshteinDistance('😀', '😃')).toBe(1);
    expect(levenshteinSimilarity('😀', '😃')).toBe(0);
    // "go 😀!" → "go 😃!" : 1 edit over 5 code points → 0.8.
    expect(levenshteinSimilarity('go 😀!', 'go 😃!')).toBeCloseTo(0.8, 12);
  });

  it('computes token F1 known by hand, counting repeated tokens once each', () => {
    // 3 predicted tokens all in the 6 reference tokens: P = 1, R = 1/2, F1 = 2·1·½ / 1½ = 2/3.
    expect(tokenF1('the cat sat', 'the cat sat on the mat')).toBeCloseTo(2 / 3, 12);
    // "the the the" vs "the cat": only one "the" is matched: P = 1/3, R = 1/2, F1 = (1/3)/(5/6) = 0.4.
    expect(tokenF1('the the the', 'the cat')).toBeCloseTo(0.4, 12);
    expect(tokenF1('Paris, France!', 'Paris France')).toBe(1);
    expect(tokenF1('dog', 'cat')).toBe(0);
    expect(tokenF1('', '')).toBe(1);
    expect(tokenF1('...', 'cat')).toBe(0);
  });

  it('folds case by default, applies the threshold (default 0.8) and reports the score', () => {
    const lev = similarityScorer({ type: 'similarity', metric: 'levenshtein', threshold: 0.9 });
    expect(run(lev, 'PARIS', 'paris')).toEqual({ score: 1, passed: true, reason: 'levenshtein similarity 1.000 >= 0.9' });
    const caseSensitive = similarityScorer({ type: 'similarity', metric: 'levenshtein', threshold: 0.9, ignore_case: false });
    expect(run(caseSensitive, 'Paris', 'paris')).toMatchObject({ passed: false, reason: 'levenshtein similarity 0.800 < 0.9' });
    const f1 = similarityScorer({ type: 'similarity', metric: 'token_f1' });
    expect(run(f1, 'the cat sat', 'the cat sat on the mat')).toMatchObject({ passed: false, reason: 'token_f1 similarity 0.667 < 0.8' });
    expect(run(similarityScorer({ type: 'similarity', metric: 'token_f1', threshold: 0.6 }), 'the cat sat', 'the cat sat on the mat').passed).toBe(true);
  });

  it('treats canonically equal Unicode (composed vs decomposed accents) as identical', () => {
    const decomposed = 'nai\u0308ve cafe\u0301';
    for (const metric of ['levenshtein', 'token_f1'] as const) {
      expect(run(similarityScorer({ type: 'similarity', metric }), decomposed, 'naïve café').score).toBe(1);
    }
  });
});

function fakeJudge(answer: JudgeVerdict | Error) {
  const calls: { template: string; context: Record<string, unknown>; overrides: unknown }[] = [];
  const judge: Judge = async (template, context, overrides) => {
    calls.push({ template, context, overrides });
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { judge, calls };
}

describe('llm_judge (with a stand-in judge)', () => {
  const config = { type: 'llm_judge' as const, rubric: 'Is it correct?', template: 'tpl-judge-v3' };
  const judged = (answer: JudgeVerdict | Error, extra: { threshold?: number } = {}) =>
    llmJudgeScorer({ ...config, ...extra }, fakeJudge(answer).judge).score({ output: 'Paris', expected: 'Paris', input: {} });

  it('lets the threshold decide (default 0.5, inclusive)', async () => {
    expect(await judged({ score: 0.7, reason: 'mostly right' })).toEqual({ score: 0.7, passed: true, reason: 'mostly right' });
    expect(await judged({ score: 0.5, reason: 'borderline' })).toMatchObject({ passed: true });
    expect(await judged({ score: 0.4, reason: 'weak' })).toEqual({ score: 0.4, passed: false, reason: 'weak' });
    expect(await judged({ score: 0.7, reason: '' }, { threshold: 0.8 })).toEqual({ score: 0.7, passed: false, reason: 'judge score 0.7' });
  });

  it("vetoes on the judge's explicit passed: false, but passed: true does not beat the threshold", async () => {
    expect(await judged({ score: 0.95, passed: false, reason: 'hallucinated a source' })).toEqual({
      score: 0.95,
      passed: false,
      reason: 'hallucinated a source',
    });
    expect(await judged({ score: 0.2, passed: true, reason: 'fine' })).toMatchObject({ passed: false });
  });

  it('clamps the score to [0, 1]', async () => {
    expect(await judged({ score: 7, reason: 'out of ten?' })).toMatchObject({ score: 1, passed: true });
    expect(await judged({ score: -0.5, reason: 'negative' })).toMatchObject({ score: 0, passed: false });
  });

  it('scores 0 with the error as the reason when the judge fails', async () => {
    expect(await judged(new Error('provider timed out'))).toEqual({ score: 0, passed: false, reason: 'judge failed: provider timed out' });
  });

  it('sends the rubric, texts and model overrides, leaving out a missing expected output', async () => {
    const { judge, calls } = fakeJudge({ score: 1, reason: 'ok' });
    const scorer = llmJudgeScorer({ ...config, provider: 'ollama', model: 'llama3' }, judge);
    await scorer.score({ output: { city: 'Paris' }, expected: null, input: { question: 'Capital?' } });
    await llmJudgeScorer(config, judge).score({ output: 'Paris', expected: 'Paris', input: {} });
    expect(calls).toEqual([
      {
        template: 'tpl-judge-v3',
        context: { rubric: 'Is it correct?', input: '{"question":"Capital?"}', output: '{"city":"Paris"}' },
        overrides: { provider: 'ollama', model: 'llama3' },
      },
      { template: 'tpl-judge-v3', context: { rubric: 'Is it correct?', input: '{}', output: 'Paris', expected: 'Paris' }, overrides: {} },
    ]);
  });
});
