/**
 * Readers for URL search parameters. TanStack Router hands `validateSearch` whatever the URL holds
 * (strings, numbers, anything); these keep what is well-formed and drop the rest, so a hand-edited
 * URL never breaks a page, and omit defaults so URLs stay short.
 */

type Raw = Record<string, unknown>;

export function optionalString(raw: Raw, key: string, maxLength = 200): string | undefined {
  const value = raw[key];
  const text = typeof value === 'number' ? String(value) : value;
  return typeof text === 'string' && text !== '' && text.length <= maxLength ? text : undefined;
}

export function optionalOneOf<T extends string>(raw: Raw, key: string, allowed: readonly T[]): T | undefined {
  const value = optionalString(raw, key);
  return value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** A positive integer (page numbers, version numbers), or undefined. */
export function optionalPositiveInt(raw: Raw, key: string): number | undefined {
  const value = raw[key];
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
  return Number.isInteger(number) && number >= 1 ? number : undefined;
}

/** A page number for the URL: page 1 is left out. */
export function pageParam(raw: Raw): number | undefined {
  const page = optionalPositiveInt(raw, 'page');
  return page === 1 ? undefined : page;
}

/** An ISO date-time, or undefined. */
export function optionalDateTime(raw: Raw, key: string): string | undefined {
  const value = optionalString(raw, key, 40);
  return value !== undefined && !Number.isNaN(Date.parse(value)) ? value : undefined;
}

/** Drops keys whose value is undefined, so TanStack Router writes no empty parameters. */
export function compact<T extends Record<string, unknown>>(search: T): T {
  return Object.fromEntries(Object.entries(search).filter(([, value]) => value !== undefined)) as T;
}
