import { InvalidRequestError } from '@promptops/errors';
import { compileLinearRegex } from './linear-regex';
import type { JsonSchemaValidator } from '@promptops/schemas';
import { REGEX_LIMITS } from './text-scorers';
import { SCORER_TYPES, type ScorerConfig, type ScorerType } from './scorer-types';

const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength });
const unit = { type: 'number', minimum: 0, maximum: 1 };
const flag = { type: 'boolean' };
const BASE = { type: { type: 'string' }, name: text(100), field: text(200) };

/** JSON Schema of each scorer type's options (beyond `type`, `name` and `field`). */
const OPTIONS: Record<ScorerType, { properties: Record<string, unknown>; required?: string[] }> = {
  exact_match: { properties: { ignore_case: flag, normalize_whitespace: flag } },
  contains: { properties: { value: text(10_000), values: { type: 'array', items: text(10_000), minItems: 1, maxItems: 100 }, match: { enum: ['all', 'any'] }, ignore_case: flag } },
  not_contains: { properties: { value: text(10_000), values: { type: 'array', items: text(10_000), minItems: 1, maxItems: 100 }, ignore_case: flag } },
  regex: { properties: { pattern: text(REGEX_LIMITS.maxPatternChars), flags: { type: 'string', pattern: '^(?!.*(.).*\\1)[imsu]*$' } }, required: ['pattern'] },
  json_equal: { properties: {} },
  json_schema: { properties: { schema: { type: 'object' } }, required: ['schema'] },
  json_field_match: { properties: { fields: { type: 'object', minProperties: 1, maxProperties: 100 } }, required: ['fields'] },
  numeric: { properties: { tolerance: { type: 'number', minimum: 0 }, relative: flag }, required: ['tolerance'] },
  similarity: { properties: { metric: { enum: ['levenshtein', 'token_f1'] }, threshold: unit, ignore_case: flag }, required: ['metric'] },
  llm_judge: { properties: { rubric: text(10_000), threshold: unit, template: text(250), provider: text(40), model: text(200) }, required: ['rubric'] },
};

const SCHEMAS = Object.fromEntries(
  SCORER_TYPES.map((type) => [
    type,
    { type: 'object', properties: { ...BASE, ...OPTIONS[type].properties }, required: OPTIONS[type].required ?? [], additionalProperties: false },
  ]),
) as unknown as Record<ScorerType, Record<string, unknown>>;

export const MAX_SCORERS = 20;

interface Issue {
  path: string;
  message: string;
}

function semanticIssues(config: ScorerConfig, validator: JsonSchemaValidator): Issue[] {
  if (config.type === 'regex') {
    try {
      compileLinearRegex(config.pattern, config.flags);
    } catch (error) {
      return [{ path: 'pattern', message: `${(error as Error).message} (RE2 syntax: no backreferences or lookaround)` }];
    }
  }
  if (config.type === 'json_schema') {
    try {
      validator.assertValidSchema(config.schema, 'schema');
    } catch (error) {
      return [{ path: 'schema', message: (error as Error).message }];
    }
  }
  return [];
}

/**
 * Checks a run's scorer list before anything is written: every problem is reported at once with
 * its path (`scorers.1.pattern`), as a 400.
 */
export function parseScorerConfigs(raw: unknown, validator: JsonSchemaValidator): ScorerConfig[] {
  const issues: Issue[] = [];
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_SCORERS) {
    throw new InvalidRequestError(`scorers must be a list of 1 to ${MAX_SCORERS} scorer configurations`, { issues: [{ path: 'scorers', message: 'invalid length' }] });
  }
  const names = new Set<string>();
  raw.forEach((item, index) => {
    const at = (path: string) => `scorers.${index}${path ? `.${path}` : ''}`;
    const type = (item as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !SCORER_TYPES.includes(type as ScorerType)) {
      issues.push({ path: at('type'), message: `must be one of ${SCORER_TYPES.join(', ')}` });
      return;
    }
    const violations = validator.validate(SCHEMAS[type as ScorerType], item);
    for (const violation of violations) {
      // Ajv reports unknown and missing options at their parent object; point at the option itself.
      const parent = violation.path.replace(/^\//, '').replaceAll('/', '.');
      const key = violation.keyword === 'additionalProperties' ? violation.params.additionalProperty : violation.keyword === 'required' ? violation.params.missingProperty : undefined;
      const message = violation.keyword === 'additionalProperties' ? `is not an option of ${type} scorers` : violation.keyword === 'required' ? 'is required' : violation.message;
      issues.push({ path: at([parent, key].filter(Boolean).join('.')), message });
    }
    if (violations.length > 0) return;
    const config = item as ScorerConfig;
    for (const issue of semanticIssues(config, validator)) issues.push({ path: at(issue.path), message: issue.message });
    const name = config.name ?? config.type;
    if (names.has(name)) issues.push({ path: at('name'), message: `duplicate scorer name "${name}"; give each scorer of the same type a name` });
    names.add(name);
  });
  if (issues.length > 0) {
    const summary = issues.slice(0, 5).map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    throw new InvalidRequestError(`Invalid scorers: ${summary}`, { issues });
  }
  return raw as ScorerConfig[];
}
