/**
 * What each scorer type takes, described once: the run form draws a form per type from it and
 * turns what was typed into the API's scorer configuration (and back, to reuse a run's scorers).
 * scorer-options.server.test.ts checks it against the API: every option is one the server accepts,
 * and the required ones are those it requires.
 */

import type { components } from '../../api/schema';

type Schemas = components['schemas'];

/** A scorer configuration as the API takes it: one type per scorer, from the generated client. */
export type ScorerConfig = Schemas['ScorerConfig'];
export type ScorerType = ScorerConfig['type'];
/** The options of one scorer type besides `type`, so a form describing an option the API lacks does not compile. */
type OptionKey<T extends ScorerType> = Exclude<keyof Extract<ScorerConfig, { type: T }>, 'type'> & string;

export const SCORER_TYPES = [
  'exact_match',
  'contains',
  'not_contains',
  'regex',
  'json_equal',
  'json_schema',
  'json_field_match',
  'numeric',
  'similarity',
  'llm_judge',
] as const satisfies readonly ScorerType[];

interface OptionBase<K extends string> {
  key: K;
  label: string;
  hint?: string;
  required?: boolean;
}

export type ScorerOption<K extends string = string> =
  | (OptionBase<K> & { kind: 'boolean' })
  | (OptionBase<K> & { kind: 'text'; multiline?: boolean; placeholder?: string; pattern?: { regex: RegExp; message: string } })
  | (OptionBase<K> & { kind: 'number'; min?: number; max?: number; step?: number; placeholder?: string })
  | (OptionBase<K> & { kind: 'choice'; choices: readonly string[]; defaultValue?: string })
  /** A list of strings, one per line. */
  | (OptionBase<K> & { kind: 'lines' })
  /** A JSON object. */
  | (OptionBase<K> & { kind: 'json'; minProperties?: number });

export interface ScorerTypeSpec<K extends string = string> {
  label: string;
  /** When an item passes, in a sentence. */
  passes: string;
  options: ScorerOption<K>[];
}

const ignoreCase: ScorerOption<'ignore_case'> = { key: 'ignore_case', kind: 'boolean', label: 'Ignore case' };
const threshold = (defaultText: string): ScorerOption<'threshold'> => ({
  key: 'threshold',
  kind: 'number',
  label: 'Threshold',
  min: 0,
  max: 1,
  step: 0.05,
  placeholder: defaultText,
  hint: 'Passes at or above this score (0 to 1)',
});
const values: ScorerOption<'values'> = { key: 'values', kind: 'lines', label: 'Values (one per line)', hint: 'Leave empty to look for the expected output' };

export const SCORER_SPECS: { [T in ScorerType]: ScorerTypeSpec<OptionKey<T>> } = {
  exact_match: {
    label: 'Exact match',
    passes: 'the output equals the expected output',
    options: [ignoreCase, { key: 'normalize_whitespace', kind: 'boolean', label: 'Normalise whitespace' }],
  },
  contains: {
    label: 'Contains',
    passes: 'the output contains the values',
    options: [values, { key: 'match', kind: 'choice', label: 'Match', choices: ['all', 'any'] }, ignoreCase],
  },
  not_contains: {
    label: 'Does not contain',
    passes: 'the output contains none of the values',
    options: [values, ignoreCase],
  },
  regex: {
    label: 'Regular expression',
    passes: 'the output matches the pattern',
    options: [
      { key: 'pattern', kind: 'text', label: 'Pattern', required: true, placeholder: '^Hello, \\w+' },
      {
        key: 'flags',
        kind: 'text',
        label: 'Flags',
        placeholder: 'i',
        pattern: { regex: /^(?!.*(.).*\1)[imsu]*$/, message: 'Only i, m, s and u, each at most once' },
      },
    ],
  },
  json_equal: { label: 'JSON equal', passes: 'the output equals the expected output as JSON (key order ignored)', options: [] },
  json_schema: {
    label: 'JSON Schema',
    passes: 'the output is valid against the schema',
    options: [{ key: 'schema', kind: 'json', label: 'Schema', required: true, hint: 'A JSON Schema object' }],
  },
  json_field_match: {
    label: 'JSON fields',
    passes: 'every dotted path of the output holds its value',
    options: [{ key: 'fields', kind: 'json', label: 'Fields', required: true, minProperties: 1, hint: 'e.g. {"severity": "high", "items.0.id": 7}' }],
  },
  numeric: {
    label: 'Numeric',
    passes: 'the output is within the tolerance of the expected number',
    options: [
      { key: 'tolerance', kind: 'number', label: 'Tolerance', required: true, min: 0, step: 0.01 },
      { key: 'relative', kind: 'boolean', label: 'Relative (a fraction of the expected value)' },
    ],
  },
  similarity: {
    label: 'Similarity',
    passes: 'the text similarity reaches the threshold',
    options: [
      { key: 'metric', kind: 'choice', label: 'Metric', required: true, choices: ['token_f1', 'levenshtein'], defaultValue: 'token_f1' },
      threshold('0.8'),
      ignoreCase,
    ],
  },
  llm_judge: {
    label: 'LLM judge',
    passes: 'a judge model scores the output against the rubric at or above the threshold',
    options: [
      {
        key: 'rubric',
        kind: 'text',
        label: 'Rubric',
        required: true,
        multiline: true,
        placeholder: 'A polite answer that names the customer and the next step.',
      },
      threshold('0.5'),
      { key: 'template', kind: 'text', label: 'Judge template', placeholder: 'LLM Judge', hint: 'A template name or name@N; default the built-in LLM Judge' },
      { key: 'provider', kind: 'text', label: 'Provider', placeholder: "the judge template's" },
      { key: 'model', kind: 'text', label: 'Model', placeholder: "the judge template's" },
    ],
  },
};

/** Options every scorer takes besides its own. */
export const COMMON_OPTIONS: ScorerOption<'name' | 'field'>[] = [
  { key: 'name', kind: 'text', label: 'Name', placeholder: 'the type', hint: 'Needed when a type is used twice' },
  { key: 'field', kind: 'text', label: 'Field', placeholder: 'the whole output', hint: 'A dotted path inside the output, e.g. answer.text' },
];

/** A scorer as typed into its form: text for every input, booleans for checkboxes. */
export interface ScorerDraft {
  type: ScorerType;
  values: Record<string, string | boolean>;
}

export function optionsOf(type: ScorerType): ScorerOption[] {
  return [...SCORER_SPECS[type].options, ...COMMON_OPTIONS];
}

export function emptyScorerDraft(type: ScorerType): ScorerDraft {
  const values: Record<string, string | boolean> = {};
  for (const option of optionsOf(type)) values[option.key] = option.kind === 'boolean' ? false : option.kind === 'choice' ? (option.defaultValue ?? '') : '';
  return { type, values };
}

type Read = { value: unknown } | { error: string } | null;

function readNumber(option: Extract<ScorerOption, { kind: 'number' }>, text: string): Read {
  const value = Number(text);
  if (!Number.isFinite(value)) return { error: 'Must be a number' };
  if (option.min !== undefined && value < option.min) return { error: `Must be at least ${option.min}` };
  if (option.max !== undefined && value > option.max) return { error: `Must be at most ${option.max}` };
  return { value };
}

function readJson(option: Extract<ScorerOption, { kind: 'json' }>, text: string): Read {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `Not valid JSON: ${(error as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'Must be a JSON object' };
  if (option.minProperties && Object.keys(value).length < option.minProperties) return { error: 'Must name at least one field' };
  return { value };
}

/** One option's value for the API: null when left empty, else the value or why it cannot be one. */
function readOption(option: ScorerOption, raw: string | boolean | undefined): Read {
  if (option.kind === 'boolean') return raw === true ? { value: true } : null;
  const text = typeof raw === 'string' ? raw : '';
  if (option.kind === 'lines') {
    const lines = text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    return lines.length === 0 ? null : { value: lines };
  }
  if (text.trim() === '') return null;
  switch (option.kind) {
    case 'number':
      return readNumber(option, text.trim());
    case 'json':
      return readJson(option, text);
    case 'choice':
      return option.choices.includes(text) ? { value: text } : { error: `Must be one of ${option.choices.join(', ')}` };
    case 'text': {
      // Rubrics and patterns keep their spaces; names, fields and refs do not need them around.
      const value = option.multiline || option.key === 'pattern' ? text : text.trim();
      return option.pattern && !option.pattern.regex.test(value) ? { error: option.pattern.message } : { value };
    }
  }
}

/** The API configuration a draft stands for, or the problem with each option that has one. */
export function toScorerConfig(draft: ScorerDraft): { config: ScorerConfig; errors: Record<string, never> } | { config: null; errors: Record<string, string> } {
  const config: Record<string, unknown> = { type: draft.type };
  const errors: Record<string, string> = {};
  for (const option of optionsOf(draft.type)) {
    const read = readOption(option, draft.values[option.key]);
    if (read === null) {
      if (option.required) errors[option.key] = 'Required';
    } else if ('error' in read) errors[option.key] = read.error;
    else config[option.key] = read.value;
  }
  if (Object.keys(errors).length > 0) return { config: null, errors };
  // The keys are the type's own (SCORER_SPECS is typed by them) and every required one is present;
  // that each value has the API's type is what scorer-options.server.test.ts checks.
  return { config: config as ScorerConfig, errors: {} };
}

/** A draft showing a stored configuration (a previous run's scorers), so it can be reused and edited. */
export function fromScorerConfig(config: ScorerConfig): ScorerDraft {
  const draft = emptyScorerDraft(config.type);
  const values: Record<string, unknown> = config;
  for (const option of optionsOf(config.type)) {
    const value = values[option.key];
    if (value === undefined || value === null) continue;
    if (option.kind === 'boolean') draft.values[option.key] = value === true;
    else if (option.kind === 'json') draft.values[option.key] = JSON.stringify(value, null, 2);
    else if (option.kind === 'lines') draft.values[option.key] = (Array.isArray(value) ? value : [value]).map(String).join('\n');
    else draft.values[option.key] = String(value);
  }
  // `value` (one needle) is shown in the list of values, which the form writes as `values`.
  if ((config.type === 'contains' || config.type === 'not_contains') && typeof config.value === 'string' && !config.values) draft.values.values = config.value;
  return draft;
}

export function isScorerType(value: string): value is ScorerType {
  return (SCORER_TYPES as readonly string[]).includes(value);
}

/** "Exact match", or "Exact match “strict”" when it has a name. */
export function scorerTitle(draft: ScorerDraft): string {
  const name = typeof draft.values.name === 'string' ? draft.values.name.trim() : '';
  return name ? `${SCORER_SPECS[draft.type].label} “${name}”` : SCORER_SPECS[draft.type].label;
}
