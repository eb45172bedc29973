import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Keys look like `po_<key id as 32 hex>_<43 url-safe random characters>`: the `po_` prefix makes a
 * leaked key easy to spot by secret scanners, the id finds the row without scanning, and the 256
 * random bits make the stored SHA-256 safe without a slow password hash.
 */
const KEY_PATTERN = /^po_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export function generateApiKey(id: string): string {
  return `po_${id.replaceAll('-', '')}_${randomBytes(32).toString('base64url')}`;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** The non-secret start of a key, shown in listings so people can tell keys apart. */
export function displayPrefix(key: string): string {
  return key.slice(0, 'po_'.length + 8);
}

/** The key id a well-formed key names, or undefined for anything else. */
export function keyIdOf(key: string): string | undefined {
  const hex = KEY_PATTERN.exec(key)?.[1];
  if (!hex) return undefined;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function hashMatches(key: string, storedHash: string): boolean {
  const presented = Buffer.from(hashApiKey(key), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
