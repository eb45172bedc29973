import { PromptRenderError } from '@promptops/errors';

/**
 * Template values follow Python's data model so output matches Jinja2:
 * None = null, bool = boolean, int = integral JS number, float = non-integral JS number or
 * PyFloat (for floats JS cannot tell from ints, e.g. `4 / 2` = 2.0), str = string,
 * list = Array, tuple = Array marked with TUPLE_MARK, dict = Map, plus the classes below.
 */
export class PyFloat {
  constructor(readonly value: number) {}
}

const TUPLE_MARK = Symbol('tuple');
const GROUP_MARK = Symbol('group');

export function makeTuple(items: readonly unknown[]): unknown[] {
  const tuple = [...items];
  Object.defineProperty(tuple, TUPLE_MARK, { value: true });
  return tuple;
}

export function isTuple(value: unknown): value is unknown[] {
  return Array.isArray(value) && TUPLE_MARK in value;
}

/** Jinja2's groupby result: a `(grouper, list)` tuple that also exposes `.grouper` and `.list`. */
export function makeGroupTuple(grouper: unknown, items: unknown[]): unknown[] {
  const tuple = makeTuple([grouper, items]);
  Object.defineProperty(tuple, GROUP_MARK, { value: true });
  return tuple;
}

export function isGroupTuple(value: unknown): value is [unknown, unknown[]] {
  return Array.isArray(value) && GROUP_MARK in value;
}

/**
 * An undefined value, with one rule: testing it is fine, using it fails. Truth tests (`if x`,
 * `x and y`, `not x`, an inline `if` condition) see it as false, and `is defined`, `default`
 * and the type tests inspect it; printing, iterating, comparing, computing with it or reading
 * its attributes raise `UndefinedError` naming it. That is Jinja2's StrictUndefined with a
 * falsy `__bool__` (fixtures/generate-golden.py renders the golden fixtures with exactly that).
 * `printable` marks the plain Undefined Jinja2 uses for an inline `if` without `else`, which
 * prints as ''.
 */
export class UndefinedValue {
  constructor(
    readonly path: string,
    readonly message: string,
    readonly printable = false,
  ) {}

  fail(): never {
    throw new PromptRenderError(this.message, { kind: 'undefined', variable: this.path });
  }
}

export function undefinedVariable(path: string): UndefinedValue {
  return new UndefinedValue(path, `'${path}' is undefined`);
}

export function ensureDefined<T>(value: T): Exclude<T, UndefinedValue> {
  if (value instanceof UndefinedValue) value.fail();
  return value as Exclude<T, UndefinedValue>;
}

/** Returned by attribute hooks when a name is not offered to templates. */
export const MISSING = Symbol('missing');

/**
 * Runtime objects (loop, namespace, cycler, joiner) expose attributes only through this
 * explicit hook, never through JS property access.
 */
export abstract class TemplateObject {
  abstract templateAttribute(name: string): unknown;
  abstract describe(): string;
}

/** Jinja2's `namespace()`: the only object whose attributes templates may assign. */
export class Namespace extends TemplateObject {
  readonly attributes = new Map<string, unknown>();

  templateAttribute(name: string): unknown {
    return this.attributes.has(name) ? this.attributes.get(name) : MISSING;
  }

  describe(): string {
    return 'Namespace';
  }
}

/**
 * markupsafe's Markup: a str marked safe, which `tojson`, `safe` and `escape` return. It prints
 * and compares as its text; `+`, `*` and `%` with plain strings escape the plain side (see
 * markup.ts), as in Jinja2 even without autoescaping.
 */
export class Markup {
  constructor(readonly text: string) {}
}

/** The text of a Markup; any other value unchanged. */
export function unwrapMarkup(value: unknown): unknown {
  return value instanceof Markup ? value.text : value;
}

/** A `start:stop:step` subscript. */
export class SliceValue {
  constructor(
    readonly start: unknown,
    readonly stop: unknown,
    readonly step: unknown,
  ) {}
}

export interface CallArguments {
  positional: unknown[];
  keywords: Map<string, unknown>;
}

/** Anything callable from a template: macros, globals, loop helpers, Python-method shims. */
export class TemplateCallable {
  constructor(
    readonly name: string,
    readonly invoke: (call: CallArguments) => unknown,
    /** The Python type name errors use: `Macro`, `builtin_function_or_method`, `type`, ... */
    readonly pyType = 'builtin_function_or_method',
  ) {}
}

/** Raises the equivalent of a Python exception (TypeError, ValueError, ...) as a render error. */
export function pythonError(kind: string, message: string): never {
  throw new PromptRenderError(`${kind}: ${message}`, { kind: kind });
}

export function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

export function isFloat(value: unknown): boolean {
  return value instanceof PyFloat || (typeof value === 'number' && !Number.isInteger(value));
}

/** Python numbers, including bool (a subclass of int). */
export function isNumeric(value: unknown): boolean {
  return typeof value === 'number' || typeof value === 'boolean' || value instanceof PyFloat;
}

export function numericValue(value: unknown): number {
  if (value instanceof PyFloat) return value.value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value as number;
}

export function makeFloat(value: number): number | PyFloat {
  return Number.isInteger(value) ? new PyFloat(value) : value;
}

/** Python's hashability: lists, dicts and slices (and tuples holding them) cannot be dict keys. */
export function assertHashable<T>(key: T): T {
  ensureDefined(key);
  if (isTuple(key)) for (const item of key) assertHashable(item);
  else if (Array.isArray(key) || key instanceof Map || key instanceof SliceValue) {
    pythonError('TypeError', `unhashable type: '${pyTypeName(key)}'`);
  }
  return key;
}

/** Map keys: floats that equal ints must find the same entry, as in Python. */
export function dictKey(key: unknown): unknown {
  return key instanceof PyFloat ? key.value : unwrapMarkup(key);
}

export function pyTypeName(value: unknown): string {
  if (value === null) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (isInt(value)) return 'int';
  if (isFloat(value)) return 'float';
  if (typeof value === 'string') return 'str';
  if (isTuple(value)) return 'tuple';
  if (Array.isArray(value)) return 'list';
  if (value instanceof Map) return 'dict';
  if (value instanceof TemplateObject) return value.describe();
  if (value instanceof TemplateCallable) return value.pyType;
  if (value instanceof UndefinedValue) return 'Undefined';
  if (value instanceof SliceValue) return 'slice';
  if (value instanceof Markup) return 'Markup';
  return 'object';
}

export function isTruthy(value: unknown): boolean {
  if (value instanceof UndefinedValue) return false;
  if (value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (value instanceof PyFloat) return value.value !== 0;
  if (typeof value === 'string' || Array.isArray(value)) return value.length > 0;
  if (value instanceof Map) return value.size > 0;
  if (value instanceof Markup) return value.text.length > 0;
  return true;
}

export function pyEquals(leftValue: unknown, rightValue: unknown): boolean {
  const left = unwrapMarkup(ensureDefined(leftValue));
  const right = unwrapMarkup(ensureDefined(rightValue));
  if (isNumeric(left) && isNumeric(right)) return numericValue(left) === numericValue(right);
  if (Array.isArray(left) && Array.isArray(right)) {
    if (isTuple(left) !== isTuple(right) || left.length !== right.length) return false;
    return left.every((item, index) => pyEquals(item, right[index]));
  }
  if (left instanceof Map && right instanceof Map) {
    if (left.size !== right.size) return false;
    for (const [key, item] of left) {
      if (!right.has(key) || !pyEquals(item, right.get(key))) return false;
    }
    return true;
  }
  return left === right;
}

/** Python iteration: strings yield characters, dicts yield keys. */
export function iterateValue(input: unknown): unknown[] {
  if (input instanceof UndefinedValue && input.printable) return [];
  const value = unwrapMarkup(ensureDefined(input));
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return Array.from(value);
  if (value instanceof Map) return [...value.keys()];
  return pythonError('TypeError', `'${pyTypeName(value)}' object is not iterable`);
}

export function pyLength(input: unknown): number {
  if (input instanceof UndefinedValue && input.printable) return 0;
  const value = unwrapMarkup(ensureDefined(input));
  if (typeof value === 'string') return codePointLength(value);
  if (Array.isArray(value)) return value.length;
  if (value instanceof Map) return value.size;
  return pythonError('TypeError', `object of type '${pyTypeName(value)}' has no len()`);
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Python counts code points; JS strings count UTF-16 units. */
export function codePointLength(text: string): number {
  return SURROGATE.test(text) ? Array.from(text).length : text.length;
}

export function codePoints(text: string): string[] {
  return SURROGATE.test(text) ? Array.from(text) : text.split('');
}

/** Deep-copies JSON context into the Python model: objects become Maps (no prototypes to reach). */
export function fromJson(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map(fromJson);
  if (typeof value === 'object') {
    const dict = new Map<unknown, unknown>();
    for (const key of Object.keys(value)) dict.set(key, fromJson((value as Record<string, unknown>)[key]));
    return dict;
  }
  return null;
}
