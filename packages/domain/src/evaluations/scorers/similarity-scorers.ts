import { asText } from './output-access';
import type { Scorer, ScorerConfig } from './scorer-types';

/** Edit distance is quadratic; longer texts are compared on their first this-many characters. */
const MAX_LEVENSHTEIN_CHARS = 5000;

/**
 * Edits counted per Unicode code point, not UTF-16 unit, so replacing one emoji or astral
 * character is one edit rather than two half-matching surrogates.
 */
export function levenshteinDistance(a: string, b: string): number {
  if (a === b) return 0;
  return editDistance(Array.from(a), Array.from(b));
}

function editDistance(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] as number;
}

/** 1 - distance / longer length: 1 for equal strings, 0 for nothing in common. */
export function levenshteinSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const left = Array.from(a).slice(0, MAX_LEVENSHTEIN_CHARS);
  const right = Array.from(b).slice(0, MAX_LEVENSHTEIN_CHARS);
  const longest = Math.max(left.length, right.length);
  return longest === 0 ? 1 : 1 - editDistance(left, right) / longest;
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
