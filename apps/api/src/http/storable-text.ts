/**
 * Text PostgreSQL cannot store: NUL, which text and jsonb columns both refuse, and UTF-16 surrogates
 * without their pair, which jsonb refuses and text would silently turn into U+FFFD.
 */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSTORABLE_TEXT_MESSAGE = 'contains a NUL character or an unpaired UTF-16 surrogate, which cannot be stored';

export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !UNPAIRED_SURROGATE.test(text);
}

/**
 * Where the first key or string in a parsed JSON value that cannot be stored is: `$.context.name`
 * for a string, `A key of $.context` for a key (the key itself is not repeated back).
 */
export function findUnstorableText(value: unknown, path = '$'): string | undefined {
  if (typeof value === 'string') return isStorableText(value) ? undefined : path;
  if (value === null || typeof value !== 'object') return undefined;
  const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
  for (const [key, child] of entries) {
    const childPath = `${path}.${key}`;
    if (!isStorableText(key)) return `A key of ${path}`;
    const found = findUnstorableText(child, childPath);
    if (found) return found;
  }
  return undefined;
}
