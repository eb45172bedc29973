import { asText, preview } from './output-access';
import { verdict, type Scorer, type ScorerConfig } from './scorer-types';
import { compileLinearRegex } from './linear-regex';

type Config<T extends ScorerConfig['type']> = Extract<ScorerConfig, { type: T }>;

/** The longest output a regex runs on, so a user's pattern cannot stall a worker (its own length is bounded by SCORER_LIMITS). */
export const REGEX_LIMITS = { maxInputChars: 20_000 } as const;

function normalise(text: string, options: { ignore_case?: boolean; normalize_whitespace?: boolean }): string {
  let result = options.normalize_whitespace ? text.trim().replace(/\s+/g, ' ') : text;
  if (options.ignore_case) result = result.toLowerCase();
  return result;
}

export function exactMatchScorer(config: Config<'exact_match'>): Scorer {
  return {
    score({ output, expected }) {
      const passed = normalise(asText(output), config) === normalise(asText(expected), config);
      return verdict(passed, passed ? 'output equals the expected output' : `expected ${preview(expected)}, got ${preview(output)}`);
    },
  };
}

/** `contains` passes when the output has the needles; `not_contains` when it has none of them. */
export function containsScorer(config: Config<'contains' | 'not_contains'>): Scorer {
  const negated = config.type === 'not_contains';
  const fold = (text: string) => (config.ignore_case ? text.toLowerCase() : text);
  return {
    score({ output, expected }) {
      const needles = config.values ?? (config.value !== undefined ? [config.value] : [asText(expected)]);
      // Every text contains "": without this an entry lacking an expected output would pass `contains` vacuously.
      if (needles.some((needle) => needle.length === 0)) return verdict(false, 'nothing to look for: no value is configured and the expected output is empty');
      const text = fold(asText(output));
      const found = needles.filter((needle) => text.includes(fold(needle)));
      if (negated) {
        const passed = found.length === 0;
        return verdict(passed, passed ? 'output contains none of the forbidden values' : `output contains ${found.map((n) => preview(n)).join(', ')}`);
      }
      const passed = config.match === 'any' ? found.length > 0 : found.length === needles.length;
      const missing = needles.filter((needle) => !found.includes(needle));
      return {
        score: needles.length === 0 ? 1 : found.length / needles.length,
        passed,
        reason: missing.length === 0 ? 'output contains every value' : `output lacks ${missing.map((n) => preview(n)).join(', ')}`,
      };
    },
  };
}

/** Patterns run on a linear-time engine; pattern and input length are still capped. */
export function regexScorer(config: Config<'regex'>): Scorer {
  const pattern = compileLinearRegex(config.pattern, config.flags);
  return {
    score({ output }) {
      const text = asText(output);
      if (text.length > REGEX_LIMITS.maxInputChars) {
        return verdict(false, `output is longer than ${REGEX_LIMITS.maxInputChars} characters, the regex limit`);
      }
      const matched = pattern.test(text);
      return verdict(matched, matched ? `output matches /${config.pattern}/` : `output does not match /${config.pattern}/`);
    },
  };
}
