import { createHash } from 'node:crypto';
import { configure } from 'safe-stable-stringify';

/** Canonical array-index keys ("0", "7", not "07"), which JavaScript objects list first, in numeric order. */
const INDEX_KEY = /^(?:0|[1-9]\d{0,9})$/;
const isIndexKey = (key: string) => INDEX_KEY.test(key) && Number(key) < 2 ** 32 - 1;

/**
 * Index keys first in numeric order, then the rest by UTF-16 units: the order the hand-written
 * canonicalisation before safe-stable-stringify produced (it rebuilt sorted objects, which puts
 * index keys first). Idempotency keys store fingerprints of this text, so it must not change.
 */
function compareKeys(a: string, b: string): number {
  const aIndex = isIndexKey(a);
  const bIndex = isIndexKey(b);
  if (aIndex && bIndex) return Number(a) - Number(b);
  if (aIndex !== bIndex) return aIndex ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

const stringify = configure({ deterministic: compareKeys });

/** JSON text that is equal for equal values whatever their key order, so it can key a Set. */
export function canonicalJson(value: unknown): string {
  return stringify(value) ?? 'null';
}

/** Fingerprint of an entry's content for de-duplication; a hash keeps large datasets cheap to hold in memory. */
export function entryFingerprint(inputData: unknown, expectedOutput: unknown): string {
  return createHash('sha256')
    .update(canonicalJson([inputData, expectedOutput ?? null]))
    .digest('base64');
}
