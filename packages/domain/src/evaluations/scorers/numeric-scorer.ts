import { asText } from './output-access';
import { verdict, type Scorer, type ScorerConfig } from './scorer-types';

function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = asText(value).trim();
  // Models often wrap a number in prose ("about 42.5 km"); take the first number in the text.
  const match = /-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/i.exec(text.replace(/,(?=\d{3}\b)/g, ''));
  return match ? Number(match[0]) : null;
}

/** Passes when |output - expected| <= tolerance (relative: tolerance × |expected|). */
export function numericScorer(config: Extract<ScorerConfig, { type: 'numeric' }>): Scorer {
  return {
    score({ output, expected }) {
      const actual = toNumber(output);
      const target = toNumber(expected);
      if (target === null) return verdict(false, 'expected output is not a number');
      if (actual === null) return verdict(false, 'output is not a number');
      const difference = Math.abs(actual - target);
      const allowed = config.relative ? config.tolerance * Math.abs(target) : config.tolerance;
      const passed = difference <= allowed;
      return verdict(passed, `|${actual} - ${target}| = ${difference} ${passed ? '<=' : '>'} ${allowed}`);
    },
  };
}
