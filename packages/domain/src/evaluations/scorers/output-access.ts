import { extractJson } from '@promptops/providers';
import { canonicalJson } from '../../datasets/canonical-json';

const MISSING = Symbol('missing');

/** The value at a dotted path (`a.b.0`), or MISSING; array indexes are plain numbers. */
export function valueAt(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const segment of path.split('.')) {
    if (Array.isArray(current) && /^\d+$/.test(segment)) current = current[Number(segment)];
    else if (typeof current === 'object' && current !== null && Object.hasOwn(current, segment)) current = (current as Record<string, unknown>)[segment];
    else return MISSING;
    if (current === undefined) return MISSING;
  }
  return current;
}

export const isMissing = (value: unknown): value is typeof MISSING => value === MISSING;

/** Text for string scorers: strings as they are, anything else as canonical JSON. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  return canonicalJson(value);
}

/** JSON for structured scorers: text outputs are parsed (code fences and prose around JSON tolerated). */
export function asJson(value: unknown): { ok: true; value: unknown } | { ok: false; error: string } {
  if (typeof value !== 'string') return { ok: true, value };
  try {
    return { ok: true, value: extractJson(value) };
  } catch (error) {
    return { ok: false, error: `output is not JSON (${(error as Error).message})` };
  }
}

export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** Short rendering of a value for a reason text. */
export function preview(value: unknown, max = 80): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : asText(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
