import { asText } from './output-access';
import { verdict, type Scorer, type ScorerConfig } from './scorer-types';

function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = asText(value).trim();
  // Models often wrap a number in prose ("about 42.5 km"); take the first number in the text.
  // A leading-dot decimal (".5", "-.25") is read whole; "fig.3" stays 3.
  const match = /-?(?:\d+(?:\.\d+)?|(?<!\w)\.\d+)(?:e[+-]?\d+)?/i.exec(text.replace(/,(?=\d{3}\b)/g, ''));
  const parsed = match ? Number(match[0]) : Number.NaN;
  return Number.isFinite(parsed) ? parsed : null; // "1e400" overflows to Infinity
}

/** 12 significant digits, so a reason shows 0.00159 rather than 0.0015899999999997583. */
const readable = (value: number) => String(Number(value.toPrecision(12)));

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
      // Decimals are binary approximations (|3.15 - 3.14| is 0.010000000000000231): a few ulps of
      // slack keep a difference that equals the tolerance on paper inside it.
      const slack = 4 * Number.EPSILON * Math.max(Math.abs(actual), Math.abs(target), allowed);
      const passed = difference <= allowed + slack;
      return verdict(passed, `|${actual} - ${target}| = ${readable(difference)} ${passed ? '<=' : '>'} ${readable(allowed)}`);
    },
  };
}
