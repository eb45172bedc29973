import { describeViolations, type JsonSchemaValidator } from '@promptops/schemas';
import { asJson, isMissing, preview, sameJson, valueAt } from './output-access';
import { verdict, type Scorer, type ScorerConfig } from './scorer-types';

type Config<T extends ScorerConfig['type']> = Extract<ScorerConfig, { type: T }>;

/** Deep equality with the expected output; object key order is ignored, array order is not. */
export function jsonEqualScorer(): Scorer {
  return {
    score({ output, expected }) {
      const parsedOutput = asJson(output);
      if (!parsedOutput.ok) return verdict(false, parsedOutput.error);
      const parsedExpected = asJson(expected);
      const target = parsedExpected.ok ? parsedExpected.value : expected;
      const passed = sameJson(parsedOutput.value, target);
      return verdict(passed, passed ? 'output equals the expected JSON' : `expected ${preview(target)}, got ${preview(parsedOutput.value)}`);
    },
  };
}

export function jsonSchemaScorer(config: Config<'json_schema'>, validator: JsonSchemaValidator): Scorer {
  return {
    score({ output }) {
      const parsed = asJson(output);
      if (!parsed.ok) return verdict(false, parsed.error);
      const violations = validator.validate(config.schema, parsed.value);
      return verdict(violations.length === 0, violations.length === 0 ? 'output satisfies the schema' : describeViolations(violations.slice(0, 5)));
    },
  };
}

/** Each path must hold its expected value; the score is the fraction of fields that match. */
export function jsonFieldMatchScorer(config: Config<'json_field_match'>): Scorer {
  const paths = Object.keys(config.fields);
  return {
    score({ output }) {
      const parsed = asJson(output);
      if (!parsed.ok) return verdict(false, parsed.error);
      const mismatches: string[] = [];
      for (const path of paths) {
        const actual = valueAt(parsed.value, path);
        if (isMissing(actual)) mismatches.push(`${path} is missing`);
        else if (!sameJson(actual, config.fields[path])) mismatches.push(`${path}: expected ${preview(config.fields[path], 40)}, got ${preview(actual, 40)}`);
      }
      return {
        score: paths.length === 0 ? 1 : (paths.length - mismatches.length) / paths.length,
        passed: mismatches.length === 0,
        reason: mismatches.length === 0 ? `all ${paths.length} fields match` : mismatches.join('; '),
      };
    },
  };
}
