import type { NewEntryInput } from '../../datasets/dataset-types';
import type { CreateTemplateInput, NewVersionInput } from '../../templates/template-types';

/**
 * The README's evaluation example: a template with two versions and a dataset to tell them apart.
 * Version 2 asks for the seat of government in English, which is what the expected answers hold.
 */
export const CAPITAL_FINDER: CreateTemplateInput = {
  name: 'Capital Finder',
  description: 'Names the capital of a country (an example for `promptops eval`)',
  system_prompt: 'You answer geography questions.',
  user_prompt_template: 'What is the capital of {{ country }}?',
  provider: 'auto',
  temperature: 0,
  input_schema: { type: 'object', properties: { country: { type: 'string' } }, required: ['country'] },
  output_schema: {
    type: 'object',
    properties: { capital: { type: 'string', description: 'the capital city' } },
    required: ['capital'],
    additionalProperties: false,
  },
};

export const CAPITAL_FINDER_V2: NewVersionInput = {
  system_prompt:
    'You answer geography questions precisely. A capital is the city where the national government sits, ' +
    'not the largest or best-known city. Give its usual English name, without accents or comments.',
  user_prompt_template: 'Country: {{ country }}\nName its capital.',
};

export const CAPITALS_DATASET = { name: 'Capitals', description: 'Countries and their capitals (an example for `promptops eval`)', template: 'Capital Finder' };

/** Several countries whose best-known city is not the capital, where a careless prompt goes wrong. */
export const CAPITALS_ENTRIES: NewEntryInput[] = [
  ['France', 'Paris', []],
  ['Japan', 'Tokyo', []],
  ['Australia', 'Canberra', ['tricky']],
  ['Canada', 'Ottawa', ['tricky']],
  ['Turkey', 'Ankara', ['tricky']],
  ['Brazil', 'Brasilia', ['tricky']],
  ['Switzerland', 'Bern', ['tricky']],
  ['Nigeria', 'Abuja', ['tricky']],
].map(([country, capital, tags]) => ({ input_data: { country }, expected_output: { capital }, tags: tags as string[] }));
