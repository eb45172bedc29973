import { createHash } from 'node:crypto';

function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalize);
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, canonicalize(record[key])]),
    );
  }
  return value;
}

/** JSON text that is equal for equal values whatever their key order, so it can key a Set. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalize(value)) ?? 'null';
}

/** Fingerprint of an entry's content for de-duplication; a hash keeps large datasets cheap to hold in memory. */
export function entryFingerprint(inputData: unknown, expectedOutput: unknown): string {
  return createHash('sha256')
    .update(canonicalJson([inputData, expectedOutput ?? null]))
    .digest('base64');
}
