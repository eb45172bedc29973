import { describe, expect, it } from 'vitest';
import { emptyScorerDraft, fromScorerConfig, optionsOf, SCORER_SPECS, SCORER_TYPES, type ScorerConfig, scorerTitle, toScorerConfig } from './scorer-options';

describe('scorer forms', () => {
  it('describe every scorer type, each option once, with name and field for all', () => {
    expect(Object.keys(SCORER_SPECS).sort()).toEqual([...SCORER_TYPES].sort());
    for (const type of SCORER_TYPES) {
      const keys = optionsOf(type).map((option) => option.key);
      expect(new Set(keys).size, type).toBe(keys.length);
      expect(keys).toEqual(expect.arrayContaining(['name', 'field']));
    }
  });

  it('turn an untouched form into a config when nothing is required, and name what is missing otherwise', () => {
    expect(toScorerConfig(emptyScorerDraft('exact_match'))).toEqual({ config: { type: 'exact_match' }, errors: {} });
    expect(toScorerConfig(emptyScorerDraft('similarity'))).toEqual({ config: { type: 'similarity', metric: 'token_f1' }, errors: {} });
    expect(toScorerConfig(emptyScorerDraft('regex')).errors).toEqual({ pattern: 'Required' });
    expect(toScorerConfig(emptyScorerDraft('llm_judge')).errors).toEqual({ rubric: 'Required' });
    expect(toScorerConfig(emptyScorerDraft('numeric')).errors).toEqual({ tolerance: 'Required' });
    expect(toScorerConfig(emptyScorerDraft('json_field_match')).errors).toEqual({ fields: 'Required' });
  });

  it('convert each kind of input to its JSON value', () => {
    const contains = emptyScorerDraft('contains');
    contains.values = { ...contains.values, values: ' Paris \n\nLyon\n', match: 'any', ignore_case: true, field: ' city ', name: 'cities' };
    expect(toScorerConfig(contains).config).toEqual({
      type: 'contains',
      values: ['Paris', 'Lyon'],
      match: 'any',
      ignore_case: true,
      field: 'city',
      name: 'cities',
    });

    const numeric = emptyScorerDraft('numeric');
    numeric.values = { ...numeric.values, tolerance: ' 0.5 ', relative: true };
    expect(toScorerConfig(numeric).config).toEqual({ type: 'numeric', tolerance: 0.5, relative: true });

    const fields = emptyScorerDraft('json_field_match');
    fields.values.fields = '{"a.b": 1}';
    expect(toScorerConfig(fields).config).toEqual({ type: 'json_field_match', fields: { 'a.b': 1 } });

    const judge = emptyScorerDraft('llm_judge');
    judge.values = { ...judge.values, rubric: '  Warm and brief.\n', threshold: '0.7' };
    expect(toScorerConfig(judge).config).toEqual({ type: 'llm_judge', rubric: '  Warm and brief.\n', threshold: 0.7 });
  });

  it('report values the API would refuse, per option', () => {
    const similarity = emptyScorerDraft('similarity');
    similarity.values = { ...similarity.values, threshold: '1.5', metric: 'cosine' };
    expect(toScorerConfig(similarity).errors).toEqual({ threshold: 'Must be at most 1', metric: 'Must be one of token_f1, levenshtein' });

    const numeric = emptyScorerDraft('numeric');
    numeric.values.tolerance = 'ten';
    expect(toScorerConfig(numeric).errors).toEqual({ tolerance: 'Must be a number' });

    const schema = emptyScorerDraft('json_schema');
    schema.values.schema = '[1, 2]';
    expect(toScorerConfig(schema).errors).toEqual({ schema: 'Must be a JSON object' });
    schema.values.schema = '{"type": ';
    expect(toScorerConfig(schema).errors.schema).toMatch(/^Not valid JSON/);

    const fields = emptyScorerDraft('json_field_match');
    fields.values.fields = '{}';
    expect(toScorerConfig(fields).errors).toEqual({ fields: 'Must name at least one field' });

    const regex = emptyScorerDraft('regex');
    regex.values = { ...regex.values, pattern: 'a+', flags: 'ii' };
    expect(toScorerConfig(regex).errors).toEqual({ flags: 'Only i, m, s and u, each at most once' });
  });

  it('show a stored config as a form that gives the same config back', () => {
    const configs: ScorerConfig[] = [
      { type: 'exact_match', ignore_case: true, name: 'loose' },
      { type: 'contains', values: ['a', 'b'], match: 'all' },
      { type: 'regex', pattern: '^\\d+ ', flags: 'im', field: 'answer' },
      { type: 'json_schema', schema: { type: 'object', required: ['a'] } },
      { type: 'numeric', tolerance: 0.01, relative: true },
      { type: 'similarity', metric: 'levenshtein', threshold: 0.9 },
      { type: 'llm_judge', rubric: 'Kind.', threshold: 0.6, template: 'Judge@2', provider: 'fake', model: 'judge-1' },
    ];
    for (const config of configs) expect(toScorerConfig(fromScorerConfig(config)).config).toEqual(config);
    // A single `value` is shown as the one line of the values list.
    expect(toScorerConfig(fromScorerConfig({ type: 'not_contains', value: 'sorry' })).config).toEqual({ type: 'not_contains', values: ['sorry'] });
  });

  it('title a scorer by its type and name', () => {
    const draft = emptyScorerDraft('exact_match');
    expect(scorerTitle(draft)).toBe('Exact match');
    draft.values.name = 'strict';
    expect(scorerTitle(draft)).toBe('Exact match “strict”');
  });
});
