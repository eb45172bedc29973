import type { RequestBodyOf, Schemas } from '../../api/client';
import { stableJson } from '../../components/diff/side-by-side-rows';
import { isSlug, MAX_TEMPLATE_TAGS, SLUG_RULE } from '../../lib/slug';

export type Template = Schemas['Template'];
export type CreateTemplateBody = RequestBodyOf<'/v1/templates', 'post'>;
export type NewVersionBody = RequestBodyOf<'/v1/templates/{id}/versions', 'post'>;
export type TemplateDetailsBody = RequestBodyOf<'/v1/templates/{id}', 'patch'>;
type JsonObject = Record<string, unknown>;

// The API's limits (packages/domain template-limits.ts), checked here so most mistakes never leave the page.
const LIMITS = { temperatureMax: 2, maxTokensMax: 1_000_000, maxValidationRetriesMax: 10 };

/** What the editor's inputs hold: text, exactly as typed, so half-typed numbers and JSON survive (tags are chips). */
export interface TemplateForm {
  name: string;
  description: string;
  category: string;
  tags: string[];
  provider: string;
  model: string;
  temperature: string;
  max_tokens: string;
  max_validation_retries: string;
  system_prompt: string;
  user_prompt_template: string;
  input_schema: string;
  output_schema: string;
}

export type FormField = keyof TemplateForm;
export type FieldErrors = Partial<Record<FormField, string>>;

/** The form read into the API's types. */
export interface TemplateValues {
  name: string;
  description: string;
  category: string;
  tags: string[];
  provider: string;
  model: string;
  temperature: number;
  max_tokens: number | null;
  max_validation_retries: number;
  system_prompt: string;
  user_prompt_template: string;
  input_schema: JsonObject | null;
  output_schema: JsonObject | null;
}

/** The API's defaults for a new template. */
export const NEW_TEMPLATE_FORM: TemplateForm = {
  name: '',
  description: '',
  category: 'other',
  tags: [],
  provider: 'auto',
  model: '',
  temperature: '0.7',
  max_tokens: '',
  max_validation_retries: '2',
  system_prompt: '',
  user_prompt_template: '',
  input_schema: '',
  output_schema: '',
};

const schemaText = (schema: JsonObject | null) => (schema ? JSON.stringify(schema, null, 2) : '');

export function formFromTemplate(template: Template): TemplateForm {
  return {
    name: template.name,
    description: template.description,
    category: template.category,
    tags: template.tags,
    provider: template.provider,
    model: template.model,
    temperature: String(template.temperature),
    max_tokens: template.max_tokens === null ? '' : String(template.max_tokens),
    max_validation_retries: String(template.max_validation_retries),
    system_prompt: template.system_prompt,
    user_prompt_template: template.user_prompt_template,
    input_schema: schemaText(template.input_schema),
    output_schema: schemaText(template.output_schema),
  };
}

export type SchemaText = { ok: true; schema: JsonObject | null } | { ok: false; message: string };

/** Schema editor text: empty means "no schema"; anything else must be a JSON object. */
export function parseSchemaText(text: string): SchemaText {
  if (text.trim() === '') return { ok: true, schema: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `Not valid JSON: ${(error as Error).message}` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, message: 'A schema must be a JSON object' };
  return { ok: true, schema: parsed as JsonObject };
}

function readNumber(text: string, { integer, min, max }: { integer: boolean; min: number; max: number }): number | string {
  const trimmed = text.trim();
  const value = Number(trimmed);
  const kind = integer ? 'a whole number' : 'a number';
  if (trimmed === '' || !Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max)
    return `Must be ${kind} from ${min} to ${max}`;
  return value;
}

export type ReadForm = { ok: true; values: TemplateValues } | { ok: false; errors: FieldErrors };

/** Checks the form as the API would and converts it; `requireName` is off when editing (the name is fixed). */
export function readForm(form: TemplateForm, { requireName }: { requireName: boolean }): ReadForm {
  const errors: FieldErrors = {};
  if (requireName && form.name.trim() === '') errors.name = 'Give the template a name';
  else if (requireName && form.name !== form.name.trim()) errors.name = 'No leading or trailing spaces';
  else if (requireName && /[@/]/.test(form.name)) errors.name = 'A name cannot contain "@" or "/"';
  if (!isSlug(form.category)) errors.category = form.category === '' ? 'Give the template a category' : SLUG_RULE;
  if (form.tags.length > MAX_TEMPLATE_TAGS) errors.tags = `At most ${MAX_TEMPLATE_TAGS} tags`;
  else if (!form.tags.every(isSlug)) errors.tags = `Each tag: ${SLUG_RULE.toLowerCase()}`;
  if (form.user_prompt_template.trim() === '') errors.user_prompt_template = 'The user prompt template cannot be empty';
  const temperature = readNumber(form.temperature, { integer: false, min: 0, max: LIMITS.temperatureMax });
  if (typeof temperature === 'string') errors.temperature = temperature;
  const maxTokens = form.max_tokens.trim() === '' ? null : readNumber(form.max_tokens, { integer: true, min: 1, max: LIMITS.maxTokensMax });
  if (typeof maxTokens === 'string') errors.max_tokens = maxTokens;
  const retries = readNumber(form.max_validation_retries, { integer: true, min: 0, max: LIMITS.maxValidationRetriesMax });
  if (typeof retries === 'string') errors.max_validation_retries = retries;
  const input = parseSchemaText(form.input_schema);
  if (!input.ok) errors.input_schema = input.message;
  const output = parseSchemaText(form.output_schema);
  if (!output.ok) errors.output_schema = output.message;
  if (
    Object.keys(errors).length > 0 ||
    typeof temperature === 'string' ||
    typeof maxTokens === 'string' ||
    typeof retries === 'string' ||
    !input.ok ||
    !output.ok
  ) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    values: {
      name: form.name,
      description: form.description,
      category: form.category,
      tags: form.tags,
      provider: form.provider,
      model: form.model.trim(),
      temperature,
      max_tokens: maxTokens,
      max_validation_retries: retries,
      system_prompt: form.system_prompt,
      user_prompt_template: form.user_prompt_template,
      input_schema: input.schema,
      output_schema: output.schema,
    },
  };
}

/** POST /v1/templates: schemas are only sent when set, everything else always. */
export function createBody(values: TemplateValues): CreateTemplateBody {
  const { input_schema, output_schema, ...rest } = values;
  return { ...rest, ...(input_schema ? { input_schema } : {}), ...(output_schema ? { output_schema } : {}) };
}

type VersionField = Exclude<keyof TemplateValues, 'name'>;
/** Every field of a version's values, in the order the form shows them. */
export const VERSION_FIELDS: VersionField[] = [
  'description',
  'category',
  'tags',
  'provider',
  'model',
  'temperature',
  'max_tokens',
  'max_validation_retries',
  'system_prompt',
  'user_prompt_template',
  'input_schema',
  'output_schema',
];

function sameValue(field: VersionField, before: unknown, after: unknown): boolean {
  // Schemas come back from the database with their keys reordered; only their content counts.
  if (field === 'input_schema' || field === 'output_schema') return stableJson(before) === stableJson(after);
  if (field === 'tags') return JSON.stringify(before) === JSON.stringify(after);
  return before === after;
}

/** Fields that belong to the template name: saving them changes every version and needs no new one. */
export const NAME_FIELDS = ['description', 'category', 'tags'] as const;

/** Changes split into the name's details (a PATCH by name) and the version's content (a new version). */
export function splitChanges(changes: NewVersionBody): { details: TemplateDetailsBody; content: NewVersionBody } {
  const details: Record<string, unknown> = {};
  const content: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(changes)) ((NAME_FIELDS as readonly string[]).includes(field) ? details : content)[field] = value;
  return { details: details as TemplateDetailsBody, content: content as NewVersionBody };
}

/** POST /v1/templates/{ref}/versions: only the fields that differ from the base version, so the diff stays honest. */
export function changedFields(base: Template, values: TemplateValues): NewVersionBody {
  const body: Record<string, unknown> = {};
  for (const field of VERSION_FIELDS) {
    if (!sameValue(field, base[field], values[field])) body[field] = values[field];
  }
  return body as NewVersionBody;
}

/** Labels of the settings the diff dialog lists in its table (prompts and schemas get their own views). */
export const SETTING_LABELS: Partial<Record<VersionField, string>> = {
  description: 'Description',
  category: 'Category',
  tags: 'Tags',
  provider: 'Provider',
  model: 'Model',
  temperature: 'Temperature',
  max_tokens: 'Max tokens',
  max_validation_retries: 'Validation retries',
};

export interface SettingChange {
  field: VersionField;
  label: string;
  before: string;
  after: string;
}

const shown = (value: unknown) => {
  const text = Array.isArray(value) ? value.join(', ') : value;
  return text === null || text === '' ? '—' : String(text);
};

/** The changed settings as display rows, in form order. */
export function settingChanges(changes: NewVersionBody, base: Template): SettingChange[] {
  return (Object.keys(SETTING_LABELS) as VersionField[])
    .filter((field) => field in changes)
    .map((field) => ({ field, label: SETTING_LABELS[field] ?? field, before: shown(base[field]), after: shown((changes as Record<string, unknown>)[field]) }));
}

export type DraftRunBody = RequestBodyOf<'/v1/executions', 'post'>;

/** A raw execution of the unsaved draft: the prompts as the preview rendered them, with the draft's settings. */
export function draftRunBody(values: TemplateValues, rendered: { system_prompt: string; user_prompt: string }): DraftRunBody {
  return {
    system_prompt: rendered.system_prompt,
    user_prompt: rendered.user_prompt,
    provider: values.provider,
    temperature: values.temperature,
    max_validation_retries: values.max_validation_retries,
    ...(values.model ? { model: values.model } : {}),
    ...(values.max_tokens !== null ? { max_tokens: values.max_tokens } : {}),
    ...(values.output_schema ? { output_schema: values.output_schema } : {}),
  };
}
