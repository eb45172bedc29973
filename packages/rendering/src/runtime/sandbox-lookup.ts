import { lookupMarkupMethod } from './markup';
import { lookupMethod } from '../python/python-methods';
import {
  MISSING,
  Markup,
  SliceValue,
  TemplateObject,
  UndefinedValue,
  codePoints,
  dictKey,
  isGroupTuple,
  isInt,
  isNumeric,
  isTuple,
  makeTuple,
  numericValue,
  pyTypeName,
  pythonError,
} from '../python/python-values';
import { pyRepr } from '../python/python-repr';

/*
 * The sandbox boundary: templates reach data only through these two functions. Values are
 * Maps, arrays, strings, numbers and TemplateObjects, so no lookup ever touches a JS property
 * of a user-chosen name; methods come from explicit per-type tables (python-methods.ts).
 */

function indexInto(sequence: string | unknown[], key: unknown): unknown {
  if (typeof key === 'boolean' || !isInt(key)) return MISSING;
  const items = typeof sequence === 'string' ? codePoints(sequence) : sequence;
  const index = key < 0 ? items.length + key : key;
  return index >= 0 && index < items.length ? items[index] : MISSING;
}

function itemOf(target: unknown, key: unknown): unknown {
  if (target instanceof Markup) {
    const char = indexInto(target.text, key);
    return char === MISSING ? MISSING : new Markup(char as string);
  }
  if (target instanceof Map) {
    const normalised = dictKey(key);
    return target.has(normalised) ? target.get(normalised) : MISSING;
  }
  if (typeof target === 'string' || Array.isArray(target)) return indexInto(target, key);
  return MISSING;
}

function attributeOf(target: unknown, name: unknown): unknown {
  if (typeof name !== 'string') return MISSING;
  if (target instanceof TemplateObject) return target.templateAttribute(name);
  if (target instanceof Markup) return lookupMarkupMethod(target, name) ?? MISSING;
  if (isGroupTuple(target)) {
    if (name === 'grouper') return target[0];
    if (name === 'list') return target[1];
  }
  return lookupMethod(target, name) ?? MISSING;
}

/** Jinja2's message for a missing attribute (`'dict object' has no attribute 'a'`) or element (`list object has no element 0`). */
function missing(target: unknown, key: unknown, path: string): UndefinedValue {
  const owner = target === null ? 'None' : `${pyTypeName(target)} object`;
  if (typeof key === 'string') return new UndefinedValue(path, `'${owner}' has no attribute '${key}'`);
  const element = key instanceof UndefinedValue ? 'Undefined' : key instanceof SliceValue ? sliceRepr(key) : pyRepr(key);
  return new UndefinedValue(path, `${owner} has no element ${element}`);
}

function sliceRepr(slice: SliceValue): string {
  const bound = (value: unknown) => (value instanceof UndefinedValue ? 'Undefined' : pyRepr(value));
  return `slice(${bound(slice.start)}, ${bound(slice.stop)}, ${bound(slice.step)})`;
}

function isSliceBound(value: unknown): boolean {
  return value === null || typeof value === 'boolean' || isInt(value);
}

/** Python's getattr alone (the `attr` filter): methods and runtime attributes, never items. */
export function getAttributeOnly(target: unknown, name: unknown): unknown {
  if (target instanceof UndefinedValue) target.fail();
  const attribute = attributeOf(target, name);
  return attribute !== MISSING ? attribute : missing(target, name, String(name));
}

/** `target.name`: Python getattr first (methods, runtime attributes), then item lookup. */
export function getAttribute(target: unknown, name: unknown, path = String(name)): unknown {
  if (target instanceof UndefinedValue) target.fail();
  const attribute = attributeOf(target, name);
  if (attribute !== MISSING) return attribute;
  const item = itemOf(target, name);
  return item !== MISSING ? item : missing(target, name, path);
}

/**
 * `target[key]`: item lookup first, then getattr, like Jinja2's `Environment.getitem`. A key the
 * container cannot use (an undefined index, a slice of a dict or with non-integer bounds) gives
 * a lazy undefined value, as Python's TypeError does there; only a dict, which must hash the
 * key, fails at once on an undefined one.
 */
export function getItem(target: unknown, key: unknown, path = String(key)): unknown {
  if (target instanceof UndefinedValue) target.fail();
  if (key instanceof UndefinedValue) {
    if (target instanceof Map) key.fail();
    return missing(target, key, path);
  }
  if (key instanceof SliceValue) {
    const sliceable = typeof target === 'string' || Array.isArray(target) || target instanceof Markup;
    if (!sliceable || ![key.start, key.stop, key.step].every(isSliceBound)) return missing(target, key, path);
    return target instanceof Markup ? new Markup(sliceValue(target.text, key) as string) : sliceValue(target, key);
  }
  const item = itemOf(target, key);
  if (item !== MISSING) return item;
  const attribute = attributeOf(target, key);
  return attribute !== MISSING ? attribute : missing(target, key, path);
}

function sliceBound(value: unknown, fallback: number, length: number, step: number): number {
  if (value === null) return fallback;
  if (!isNumeric(value)) pythonError('TypeError', 'slice indices must be integers or None');
  const bound = numericValue(value);
  if (bound < 0) return Math.max(bound + length, step < 0 ? -1 : 0);
  return Math.min(bound, step < 0 ? length - 1 : length);
}

/** Python slicing semantics for lists, tuples and strings. */
export function sliceValue(target: unknown, slice: SliceValue): unknown {
  if (typeof target !== 'string' && !Array.isArray(target)) {
    return pythonError('TypeError', `'${pyTypeName(target)}' object is not subscriptable`);
  }
  const items = typeof target === 'string' ? codePoints(target) : target;
  const step = slice.step === null ? 1 : numericValue(slice.step);
  if (step === 0) pythonError('ValueError', 'slice step cannot be zero');
  const length = items.length;
  const start = sliceBound(slice.start, step < 0 ? length - 1 : 0, length, step);
  const stop = sliceBound(slice.stop, step < 0 ? -1 : length, length, step);
  const picked: unknown[] = [];
  for (let index = start; step > 0 ? index < stop : index > stop; index += step) picked.push(items[index]);
  if (typeof target === 'string') return picked.join('');
  return isTuple(target) ? makeTuple(picked) : picked;
}
