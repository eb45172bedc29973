import { argument } from './python-methods';
import { getItem } from './sandbox-lookup';
import { type CallArguments, UndefinedValue, isNumeric, numericValue, pyTypeName, pythonError } from './python-values';

export type FilterFunction = (value: unknown, call: CallArguments) => unknown;

/** Reads filter parameter `index` (after the filtered value) by position or keyword. */
export const param = argument;

export function intParam(call: CallArguments, index: number, name: string, fallback: number): number {
  const value = argument(call, index, name, fallback);
  if (!isNumeric(value)) pythonError('TypeError', `'${pyTypeName(value)}' object cannot be interpreted as an integer`);
  return Math.trunc(numericValue(value));
}

export function ignoreCase(value: unknown): unknown {
  return typeof value === 'string' ? value.toLowerCase() : value;
}

/** Jinja2's make_attrgetter: dotted path, integer parts index sequences, item lookup first. */
export function attributeGetter(
  attribute: unknown,
  postprocess: ((value: unknown) => unknown) | null = null,
  fallback: unknown = undefined,
): (item: unknown) => unknown {
  const parts =
    attribute === null || attribute === undefined
      ? []
      : typeof attribute === 'string'
        ? attribute.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part))
        : [attribute];
  return (item) => {
    let value = item;
    for (const part of parts) value = getItem(value, part);
    if (value instanceof UndefinedValue && fallback !== undefined) value = fallback;
    return postprocess ? postprocess(value) : value;
  };
}

/** Jinja2's make_multi_attrgetter: `'a,b'` sorts by several attributes. */
export function multiAttributeGetter(
  attribute: unknown,
  postprocess: ((value: unknown) => unknown) | null,
): (item: unknown) => unknown {
  if (typeof attribute !== 'string' || !attribute.includes(',')) return attributeGetter(attribute, postprocess);
  const getters = attribute.split(',').map((part) => attributeGetter(part, postprocess));
  return (item) => getters.map((getter) => getter(item));
}

/** A hashable stand-in for Python set membership (1, 1.0 and True collide as in Python). */
export function hashKey(value: unknown): string {
  if (isNumeric(value)) return `n:${numericValue(value)}`;
  if (typeof value === 'string') return `s:${value}`;
  return `o:${pyTypeName(value)}:${JSON.stringify(value instanceof Map ? [...value] : value)}`;
}
