import { describe, expect, it } from 'vitest';
import { buildRunRequest, initialRunForm, plannedItems } from './run-form';
import { emptyScorerDraft } from './scorer-options';

describe('the run form', () => {
  it('starts with the dataset template, one exact-match scorer and the default concurrency', () => {
    const state = initialRunForm('Greeter@2');
    expect(buildRunRequest(state)).toEqual({
      body: { template: 'Greeter@2', scorers: [{ type: 'exact_match' }], concurrency: 10, repetitions: 1 },
      errors: null,
    });
  });

  it('reuses the scorers of an earlier run', () => {
    const state = initialRunForm('Greeter', [{ type: 'similarity', metric: 'levenshtein', threshold: 0.9 }, { type: 'json_equal' }]);
    expect(buildRunRequest(state).body?.scorers).toEqual([{ type: 'similarity', metric: 'levenshtein', threshold: 0.9 }, { type: 'json_equal' }]);
  });

  it('sends tags, and all-of matching only when it matters', () => {
    const state = { ...initialRunForm('Greeter'), tags: ['smoke', 'edge'], tagMatch: 'all' as const, concurrency: '4', repetitions: '3' };
    expect(buildRunRequest(state).body).toMatchObject({ tags: ['smoke', 'edge'], tag_match: 'all', concurrency: 4, repetitions: 3 });
    expect(buildRunRequest({ ...state, tags: ['smoke'] }).body).not.toHaveProperty('tag_match');
  });

  it('names every problem: template, numbers, scorer options and clashing scorer names', () => {
    const regex = emptyScorerDraft('regex');
    const state = {
      ...initialRunForm(''),
      concurrency: '0',
      repetitions: '2.5',
      scorers: [emptyScorerDraft('exact_match'), regex, emptyScorerDraft('exact_match')],
    };
    expect(buildRunRequest(state).errors).toEqual({
      template: 'Choose the template version to evaluate',
      concurrency: 'Concurrency must be a whole number from 1 to 500',
      repetitions: 'Repetitions must be a whole number from 1 to 20',
      scorer: { 1: { pattern: 'Required' }, 2: { name: 'Another scorer is called “exact_match”; give this one its own name' } },
    });
    expect(buildRunRequest({ ...initialRunForm('T'), scorers: [] }).errors).toEqual({ scorers: 'Add 1 to 20 scorers' });
  });

  it('counts the items a run will hold', () => {
    expect(plannedItems(40, '3')).toBe(120);
    expect(plannedItems(null, '3')).toBeNull();
    expect(plannedItems(40, 'x')).toBeNull();
  });
});
