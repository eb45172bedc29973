import { createTestApp, type TestApp } from '@promptops/api/testing';
import { SCORER_TYPES as SERVER_SCORER_TYPES, seedIfEmpty } from '@promptops/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyScorerDraft, optionsOf, type ScorerDraft, type ScorerOption, SCORER_TYPES, type ScorerType, toScorerConfig } from './scorer-options';

// The run form's scorer descriptions, checked against the API they feed: a form filled in every
// option is accepted (so each option is one the server knows), and leaving out an option the form
// marks required is refused for that option (so "required" means the same on both sides).
let t: TestApp;
let datasetId: string;
let provider: string;

/** A value the server accepts for an option, by key where the kind alone is not enough. */
function sampleValue(type: ScorerType, option: ScorerOption): string | boolean {
  const byKey: Record<string, string> = {
    pattern: '^a+',
    flags: 'i',
    template: 'Judge',
    name: `${type}-scorer`,
    field: 'answer',
    schema: '{"type": "object"}',
    fields: '{"answer": "yes"}',
    match: 'any',
    metric: 'levenshtein',
  };
  if (option.key === 'provider') return provider;
  if (byKey[option.key] !== undefined) return byKey[option.key] as string;
  switch (option.kind) {
    case 'boolean':
      return true;
    case 'number':
      return String(option.max ?? 1);
    case 'lines':
      return 'alpha\nbeta';
    case 'choice':
      return option.choices[0] as string;
    default:
      return 'some text';
  }
}

function filledDraft(type: ScorerType): ScorerDraft {
  const draft = emptyScorerDraft(type);
  for (const option of optionsOf(type)) draft.values[option.key] = sampleValue(type, option);
  return draft;
}

function submit(scorers: unknown[]) {
  return t.call('POST', `/v1/datasets/${datasetId}/runs`, { template: 'Answerer', scorers });
}

beforeAll(async () => {
  t = await createTestApp();
  // The built-in templates, the LLM Judge among them: a judge scorer without `template` uses it.
  await seedIfEmpty(t.services);
  provider = (await t.call('GET', '/v1/providers')).body.items[0].name;
  for (const name of ['Answerer', 'Judge']) {
    expect((await t.call('POST', '/v1/templates', { name, user_prompt_template: 'Question: {{ q }}' })).status).toBe(201);
  }
  datasetId = (await t.call('POST', '/v1/datasets', { name: 'scorer forms' })).body.id;
  expect((await t.call('POST', `/v1/datasets/${datasetId}/entries`, { input_data: { q: 'yes?' }, expected_output: { answer: 'yes' } })).status).toBe(201);
});

afterAll(async () => {
  await t?.close();
});

describe('scorer forms against the API', () => {
  it('cover exactly the scorer types the server offers', () => {
    expect([...SCORER_TYPES].sort()).toEqual([...SERVER_SCORER_TYPES].sort());
  });

  it.each([...SCORER_TYPES])('%s: a form filled in every option gives a config the API accepts', async (type) => {
    const converted = toScorerConfig(filledDraft(type));
    expect(converted.errors).toEqual({});
    const response = await submit([converted.config]);
    expect(response.status, JSON.stringify(response.body)).toBe(202);
  });

  it.each([...SCORER_TYPES])('%s: the options the form requires are the ones the API requires', async (type) => {
    for (const option of optionsOf(type)) {
      const config = toScorerConfig(filledDraft(type)).config as Record<string, unknown>;
      delete config[option.key];
      const response = await submit([config]);
      if (option.required) {
        expect(response.status, `${type}.${option.key}`).toBe(400);
        expect(response.body.error.details.issues, `${type}.${option.key}`).toContainEqual(
          expect.objectContaining({ path: `scorers.0.${option.key}`, message: 'is required' }),
        );
      } else {
        expect(response.status, `${type}.${option.key}: ${JSON.stringify(response.body)}`).toBe(202);
      }
    }
  });
});
