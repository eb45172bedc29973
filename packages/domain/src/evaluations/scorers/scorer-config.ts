import { InvalidRequestError } from '@promptops/errors';
import type { JsonSchemaValidator } from '@promptops/schemas';
import { SCORER_LIMITS, ScorerConfigSchema, type ScorerConfig } from '@promptops/validators';
import { compileLinearRegex } from './linear-regex';

interface Issue {
  path: string;
  message: string;
}

type ContractIssue = NonNullable<ReturnType<typeof ScorerConfigSchema.safeParse>['error']>['issues'][number];

/** The contract's own messages, one per unknown option, at the option's path. */
function contractIssues(issue: ContractIssue): Issue[] {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: [...path, key].join('.'), message: issue.message }));
  return [{ path: path.join('.'), message: issue.message }];
}

/** What the contract cannot say: the pattern compiles for RE2, the schema is a valid JSON Schema. */
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
 * Checks a run's scorer list against the contract (ScorerConfigSchema) before anything is
 * written: every problem is reported at once with its path (`scorers.1.pattern`), as a 400.
 */
export function parseScorerConfigs(raw: unknown, validator: JsonSchemaValidator): ScorerConfig[] {
  const issues: Issue[] = [];
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > SCORER_LIMITS.maxScorers) {
    throw new InvalidRequestError(`scorers must be a list of 1 to ${SCORER_LIMITS.maxScorers} scorer configurations`, {
      issues: [{ path: 'scorers', message: 'invalid length' }],
    });
  }
  const names = new Set<string>();
  const configs = raw.flatMap((item, index) => {
    const at = (path: string) => `scorers.${index}${path ? `.${path}` : ''}`;
    const parsed = ScorerConfigSchema.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.flatMap(contractIssues)) issues.push({ path: at(issue.path), message: issue.message });
      return [];
    }
    const config = parsed.data;
    for (const issue of semanticIssues(config, validator)) issues.push({ path: at(issue.path), message: issue.message });
    const name = config.name ?? config.type;
    if (names.has(name)) issues.push({ path: at('name'), message: `duplicate scorer name "${name}"; give each scorer of the same type a name` });
    names.add(name);
    return [config];
  });
  if (issues.length > 0) {
    const summary = issues
      .slice(0, 5)
      .map((issue) => `${issue.path}: ${issue.message}`)
      .join('; ');
    throw new InvalidRequestError(`Invalid scorers: ${summary}`, { issues });
  }
  return configs;
}
