import { distance } from 'fastest-levenshtein';
import { asText } from './output-access';
import type { Scorer, ScorerConfig } from './scorer-types';

/** Edit distance is quadratic; longer texts are compared on their first this-many characters. */
const MAX_LEVENSHTEIN_CHARS = 5000;

/** fastest-levenshtein compares UTF-16 units; one unit per distinct code point makes it count code points. */
const MAX_DISTINCT_CODE_POINTS = 0xffff - 0x800;
const HAS_SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Spells both texts with one UTF-16 unit per distinct code point (skipping the surrogate range),
 * so an edit to an emoji or other astral character counts once, not as two half-matching units.
 */
function oneUnitPerCodePoint(a: readonly string[], b: readonly string[]): [string, string] {
  const units = new Map<string, string>();
  const respell = (chars: readonly string[]) =>
    chars
      .map((char) => {
        let unit = units.get(char);
        if (unit === undefined) {
          if (units.size >= MAX_DISTINCT_CODE_POINTS) throw new RangeError('Too many distinct characters for an edit distance');
          unit = String.fromCharCode(units.size < 0xd800 ? units.size : units.size + 0x800);
          units.set(char, unit);
        }
        return unit;
      })
      .join('');
  return [respell(a), respell(b)];
}

/** Edit distance in code points; texts without surrogates are already one unit per code point. */
function codePointDistance(a: readonly string[], b: readonly string[]): number {
  const [left, right] = oneUnitPerCodePoint(a, b);
  return distance(left, right);
}

const bmpOnly = (a: string, b: string) => !HAS_SURROGATE.test(a) && !HAS_SURROGATE.test(b);

/** Edits counted per Unicode code point, not UTF-16 unit (see oneUnitPerCodePoint). */
export function levenshteinDistance(a: string, b: string): number {
  if (a === b) return 0;
  return bmpOnly(a, b) ? distance(a, b) : codePointDistance(Array.from(a), Array.from(b));
}

/** 1 - distance / longer length: 1 for equal strings, 0 for nothing in common. */
export function levenshteinSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (bmpOnly(a, b)) {
    const left = a.slice(0, MAX_LEVENSHTEIN_CHARS);
    const right = b.slice(0, MAX_LEVENSHTEIN_CHARS);
    const longest = Math.max(left.length, right.length);
    return longest === 0 ? 1 : 1 - distance(left, right) / longest;
  }
  const left = Array.from(a).slice(0, MAX_LEVENSHTEIN_CHARS);
  const right = Array.from(b).slice(0, MAX_LEVENSHTEIN_CHARS);
  return 1 - codePointDistance(left, right) / Math.max(left.length, right.length);
}

// Combining marks belong to their word: a decomposed "naïve" is one token, not "nai" and "ve".
const tokens = (text: string) => text.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);

/** Harmonic mean of token precision and recall, counting repeated tokens (as in SQuAD). */
export function tokenF1(output: string, expected: string): number {
  const predicted = tokens(output);
  const reference = tokens(expected);
  if (predicted.length === 0 || reference.length === 0) return predicted.length === reference.length ? 1 : 0;
  const counts = new Map<string, number>();
  for (const token of reference) counts.set(token, (counts.get(token) ?? 0) + 1);
  let overlap = 0;
  for (const token of predicted) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      overlap++;
      counts.set(token, left - 1);
    }
  }
  if (overlap === 0) return 0;
  const precision = overlap / predicted.length;
  const recall = overlap / reference.length;
  return (2 * precision * recall) / (precision + recall);
}

export function similarityScorer(config: Extract<ScorerConfig, { type: 'similarity' }>): Scorer {
  const threshold = config.threshold ?? 0.8;
  const measure = config.metric === 'levenshtein' ? levenshteinSimilarity : tokenF1;
  // NFC first, so canonically equal texts (composed "é" vs "e" + U+0301) compare equal.
  const fold = (text: string) => (config.ignore_case === false ? text.normalize('NFC') : text.normalize('NFC').toLowerCase());
  return {
    score({ output, expected }) {
      const score = measure(fold(asText(output)), fold(asText(expected)));
      const passed = score >= threshold;
      return { score, passed, reason: `${config.metric} similarity ${score.toFixed(3)} ${passed ? '>=' : '<'} ${threshold}` };
    },
  };
}
