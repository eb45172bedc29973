import { argument } from '../runtime/call-arguments';
import { getItem } from '../runtime/sandbox-lookup';
import {
  type CallArguments,
  UndefinedValue,
  assertHashable,
  isNumeric,
  isTuple,
  numericValue,
  pyTypeName,
  pythonError,
  unwrapMarkup,
} from '../python/python-values';

export type FilterFunction = (value: unknown, call: CallArguments) => unknown;

/** Reads filter parameter `index` (after the filtered value) by position or keyword. */
export const param = argument;

export function intParam(call: CallArguments, index: number, name: string, fallback: number): number {
  const value = argument(call, index, name, fallback);
  if (!isNumeric(value)) pythonError('TypeError', `'${pyTypeName(value)}' object cannot be interpreted as an integer`);
  return Math.trunc(numericValue(value));
}

export function ignoreCase(value: unknown): unknown {
  const text = unwrapMarkup(value);
  return typeof text === 'string' ? text.toLowerCase() : value;
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
export function multiAttributeGetter(attribute: unknown, postprocess: ((value: unknown) => unknown) | null): (item: unknown) => unknown {
  if (typeof attribute !== 'string' || !attribute.includes(',')) return attributeGetter(attribute, postprocess);
  const getters = attribute.split(',').map((part) => attributeGetter(part, postprocess));
  return (item) => getters.map((getter) => getter(item));
}

const identities = new WeakMap<object, number>();
let nextIdentity = 0;

/**
 * A stand-in for Python's hash, for set membership: 1, 1.0 and True collide, tuples hash by
 * their items, other objects by identity, and lists and dicts are unhashable (TypeError).
 */
export function hashKey(input: unknown): string {
  const value = unwrapMarkup(assertHashable(input));
  if (isNumeric(value)) return `n:${numericValue(value)}`;
  if (typeof value === 'string') return `s:${value}`;
  if (value === null) return 'None';
  if (isTuple(value)) return `t:${JSON.stringify(value.map(hashKey))}`;
  const object = value as object;
  if (!identities.has(object)) identities.set(object, nextIdentity++);
  return `o:${identities.get(object)}`;
}
