import { InvalidRequestError } from '@promptops/errors';
import { JsonSchemaValidator } from '@promptops/schemas';
import { describe, expect, it } from 'vitest';
import type { Judge } from '../judge-runner';
import { createScorer } from './create-scorer';
import { scoreItem, type ConfiguredScorer } from './score-item';
import { SCORER_LIMITS, SCORER_TYPES } from '@promptops/validators';
import { parseScorerConfigs } from './scorer-config';
import type { ScorerConfig, ScoringSample } from './scorer-types';

const validator = new JsonSchemaValidator();
// Answers 0.9 unless the output mentions "wrong"; enough to tell the judge was consulted.
const judge: Judge = async (_template, context) => ({ score: String(context.output).includes('wrong') ? 0.1 : 0.9, reason: 'stand-in' });
const deps = { validator, judge };

function rejection(raw: unknown): InvalidRequestError {
  try {
    parseScorerConfigs(raw, validator);
  } catch (error) {
    if (error instanceof InvalidRequestError) return error;
    throw error;
  }
  throw new Error('expected an InvalidRequestError');
}
const issuesOf = (raw: unknown) => (rejection(raw).details as { issues: { path: string; message: string }[] }).issues;

/** One valid configuration of every type, with a sample it passes and one it fails. */
const EVERY_TYPE: { config: ScorerConfig; pass: ScoringSample; fail: ScoringSample }[] = [
  {
    config: { type: 'exact_match', ignore_case: true },
    pass: { output: 'PARIS', expected: 'paris', input: {} },
    fail: { output: 'Lyon', expected: 'paris', input: {} },
  },
  {
    config: { type: 'contains', values: ['a', 'b'], match: 'any' },
    pass: { output: 'xb', expected: null, input: {} },
    fail: { output: 'xy', expected: null, input: {} },
  },
  {
    config: { type: 'not_contains', value: 'sorry' },
    pass: { output: 'sure', expected: null, input: {} },
    fail: { output: 'sorry', expected: null, input: {} },
  },
  {
    config: { type: 'regex', pattern: '^\\d+$', flags: 'u' },
    pass: { output: '123', expected: null, input: {} },
    fail: { output: '12a', expected: null, input: {} },
  },
  { config: { type: 'json_equal' }, pass: { output: '{"a":1}', expected: { a: 1 }, input: {} }, fail: { output: '{"a":2}', expected: { a: 1 }, input: {} } },
  {
    config: { type: 'json_schema', schema: { type: 'array', items: { type: 'integer' } } },
    pass: { output: '[1, 2]', expected: null, input: {} },
    fail: { output: '[1.5]', expected: null, input: {} },
  },
  {
    config: { type: 'json_field_match', fields: { 'a.b': true } },
    pass: { output: { a: { b: true } }, expected: null, input: {} },
    fail: { output: { a: {} }, expected: null, input: {} },
  },
  {
    config: { type: 'numeric', tolerance: 0.1, relative: true },
    pass: { output: '105', expected: 100, input: {} },
    fail: { output: '120', expected: 100, input: {} },
  },
  {
    config: { type: 'similarity', metric: 'token_f1', threshold: 0.5 },
    pass: { output: 'red fox', expected: 'the red fox', input: {} },
    fail: { output: 'blue', expected: 'the red fox', input: {} },
  },
  {
    config: { type: 'llm_judge', rubric: 'Correct?', template: 'judge-v1', threshold: 0.5 },
    pass: { output: 'right', expected: null, input: {} },
    fail: { output: 'wrong', expected: null, input: {} },
  },
];

describe('parseScorerConfigs', () => {
  it('accepts a valid configuration of every type and returns it unchanged', () => {
    expect(EVERY_TYPE.map(({ config }) => config.type)).toEqual([...SCORER_TYPES]);
    const raw = EVERY_TYPE.map(({ config }) => config);
    expect(parseScorerConfigs(raw, validator)).toEqual(raw);
  });

  it('requires a list of 1 to SCORER_LIMITS.maxScorers items', () => {
    for (const raw of [
      undefined,
      null,
      {},
      'exact_match',
      [],
      Array.from({ length: SCORER_LIMITS.maxScorers + 1 }, (_, i) => ({ type: 'exact_match', name: `s${i}` })),
    ]) {
      expect(issuesOf(raw)).toEqual([{ path: 'scorers', message: 'invalid length' }]);
    }
    expect(
      parseScorerConfigs(
        Array.from({ length: SCORER_LIMITS.maxScorers }, (_, i) => ({ type: 'exact_match', name: `s${i}` })),
        validator,
      ),
    ).toHaveLength(SCORER_LIMITS.maxScorers);
  });

  it('reports every problem at once, each at its own path', () => {
    const raw = [
      { type: 'regex', pattern: '(' },
      { type: 'contains', value: '' },
      { type: 'bogus' },
      { type: 'numeric' },
      { type: 'exact_match', ignore_case: 'yes', foo: 1 },
      { type: 'similarity', metric: 'levenshtein', threshold: 2 },
      { type: 'json_schema', schema: { type: 'nope' } },
      { type: 'regex', pattern: 'a', flags: 'ii' },
      null,
      { type: 'contains', values: ['ok', ''] },
      { type: 'llm_judge' },
      { type: 'exact_match' },
    ];
    const error = rejection(raw);
    expect(error.message).toMatch(/^Invalid scorers: scorers\.0\.pattern: error parsing regexp/);
    const issues = (error.details as { issues: { path: string; message: string }[] }).issues;
    expect(issues.map((issue) => issue.path)).toEqual([
      'scorers.0.pattern',
      'scorers.1.value',
      'scorers.2.type',
      'scorers.3.tolerance',
      'scorers.4.ignore_case',
      'scorers.4.foo',
      'scorers.5.threshold',
      'scorers.6.schema',
      'scorers.7.flags',
      'scorers.8',
      'scorers.9.values.1',
      'scorers.10.rubric',
    ]);
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'scorers.0.pattern', message: expect.stringContaining('missing closing )') },
        { path: 'scorers.2.type', message: expect.stringMatching(/^must be one of exact_match, contains/) },
        { path: 'scorers.3.tolerance', message: 'is required' },
        { path: 'scorers.4.foo', message: 'is not an option of exact_match scorers' },
        { path: 'scorers.4.ignore_case', message: 'must be boolean' },
        { path: 'scorers.5.threshold', message: 'must be <= 1' },
        { path: 'scorers.6.schema', message: expect.stringContaining('not a valid JSON Schema') },
      ]),
    );
  });

  it('rejects options that belong to another scorer type', () => {
    expect(issuesOf([{ type: 'not_contains', value: 'x', match: 'any' }])).toEqual([
      { path: 'scorers.0.match', message: 'is not an option of not_contains scorers' },
    ]);
    expect(issuesOf([{ type: 'json_equal', ignore_case: true }])).toEqual([
      { path: 'scorers.0.ignore_case', message: 'is not an option of json_equal scorers' },
    ]);
  });

  it('rejects flags the scorer cannot honour (g, y) and repeated flags', () => {
    for (const flags of ['g', 'y', 'ii', 'x']) expect(issuesOf([{ type: 'regex', pattern: 'a', flags }]).map((i) => i.path)).toEqual(['scorers.0.flags']);
    // What the linear-time engine cannot run is refused at the pattern, saying why.
    for (const pattern of ['(a)\\1', 'a(?=b)', '(?<!a)b']) {
      expect(issuesOf([{ type: 'regex', pattern }])).toEqual([
        { path: 'scorers.0.pattern', message: expect.stringContaining('no backreferences or lookaround') },
      ]);
    }
  });

  it('rejects duplicate names, where an unnamed scorer is named after its type', () => {
    expect(issuesOf([{ type: 'exact_match' }, { type: 'exact_match' }])).toEqual([
      { path: 'scorers.1.name', message: 'duplicate scorer name "exact_match"; give each scorer of the same type a name' },
    ]);
    expect(issuesOf([{ type: 'contains', value: 'x', name: 'exact_match' }, { type: 'exact_match' }]).map((i) => i.path)).toEqual(['scorers.1.name']);
    expect(parseScorerConfigs([{ type: 'exact_match' }, { type: 'exact_match', name: 'strict' }], validator)).toHaveLength(2);
  });

  it('limits names and field paths to non-empty, bounded text', () => {
    expect(issuesOf([{ type: 'json_equal', name: '', field: 'x'.repeat(201) }]).map((i) => i.path)).toEqual(['scorers.0.name', 'scorers.0.field']);
  });
});

describe('createScorer', () => {
  it.each(EVERY_TYPE)('builds a working $config.type scorer', async ({ config, pass, fail }) => {
    const scorer = createScorer(config, deps);
    expect(await scorer.score(pass)).toMatchObject({ passed: true });
    expect(await scorer.score(fail)).toMatchObject({ passed: false });
  });
});

describe('scoreItem', () => {
  const configured = (...configs: ScorerConfig[]): ConfiguredScorer[] => configs.map((config) => ({ config, scorer: createScorer(config, deps) }));
  const output = '```json\n{"answer": {"city": "Paris", "population": 2102650}, "items": [{"id": 7}]}\n```';

  it('picks a dotted field from the output and from a structured expected output', async () => {
    const result = await scoreItem(configured({ type: 'exact_match', field: 'answer.city' }), { output, expected: { answer: { city: 'Paris' } }, input: {} });
    expect(result).toEqual({
      passed: true,
      score: 1,
      scores: [{ scorer: 'exact_match', type: 'exact_match', score: 1, passed: true, reason: 'output equals the expected output' }],
    });
  });

  it('keeps a plain expected output as it is, and indexes arrays by number', async () => {
    const result = await scoreItem(configured({ type: 'numeric', tolerance: 0, field: 'items.0.id' }), { output, expected: 7, input: {} });
    expect(result.passed).toBe(true);
  });

  it('fails a scorer whose field is missing, with the reason, while the others still run', async () => {
    const scorers = configured(
      { type: 'exact_match', name: 'country', field: 'answer.country' },
      { type: 'numeric', name: 'population', tolerance: 0.01, relative: true, field: 'answer.population' },
    );
    const result = await scoreItem(scorers, { output, expected: { answer: { country: 'France', population: 2_100_000 } }, input: {} });
    expect(result.scores).toEqual([
      { scorer: 'country', type: 'exact_match', score: 0, passed: false, reason: 'output has no field "answer.country"' },
      { scorer: 'population', type: 'numeric', score: 1, passed: true, reason: expect.stringMatching(/^\|2102650 - 2100000\| = 2650 <= 21000$/) },
    ]);
    expect(result).toMatchObject({ passed: false, score: 0.5 });
  });

  it('treats an output that is not JSON as missing the field', async () => {
    const result = await scoreItem(configured({ type: 'exact_match', field: 'answer' }), { output: 'Paris', expected: 'Paris', input: {} });
    expect(result.scores[0]).toMatchObject({ passed: false, reason: 'output has no field "answer"' });
  });

  it('aggregates: passed only when every scorer passed, score the mean of the scores', async () => {
    const scorers = configured(
      { type: 'contains', name: 'mentions', values: ['Paris', 'France', 'Seine', 'Louvre'] },
      { type: 'not_contains', name: 'polite', value: 'sorry' },
      { type: 'llm_judge', rubric: 'Correct?', template: 'judge-v1' },
    );
    const result = await scoreItem(scorers, { output: 'Paris, France', expected: null, input: {} });
    expect(result.scores.map((s) => [s.scorer, s.score, s.passed])).toEqual([
      ['mentions', 0.5, false],
      ['polite', 1, true],
      ['llm_judge', 0.9, true],
    ]);
    expect(result.passed).toBe(false);
    expect(result.score).toBeCloseTo((0.5 + 1 + 0.9) / 3, 12);
    const allPass = await scoreItem(scorers.slice(1), { output: 'Paris, France', expected: null, input: {} });
    expect(allPass).toMatchObject({ passed: true, score: 0.95 });
  });
});
