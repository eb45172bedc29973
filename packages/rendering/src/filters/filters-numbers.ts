import { type FilterFunction, intParam, param } from './filter-support';
import { formatFixed } from '../python/float-format';
import { floatRepr, pyRepr, pyStr } from '../python/python-repr';
import { checkStringLengthWhileRendering, currentBudget } from '../runtime/render-budget';
import {
  Markup,
  PyFloat,
  ensureDefined,
  isFloat,
  isInt,
  isNumeric,
  makeFloat,
  numericValue,
  pyTypeName,
  pythonError,
  unwrapMarkup,
} from '../python/python-values';

const INT_PATTERNS: Record<number, RegExp> = {
  2: /^[+-]?(0b)?[01]+(_[01]+)*$/i,
  8: /^[+-]?(0o)?[0-7]+(_[0-7]+)*$/i,
  10: /^[+-]?\d+(_\d+)*$/,
  16: /^[+-]?(0x)?[0-9a-f]+(_[0-9a-f]+)*$/i,
};
// Unambiguous alternatives only: overlapping digit runs would backtrack quadratically.
const FLOAT_PATTERN = /^[+-]?(?:(?:\d+(?:_\d+)*(?:\.(?:\d+(?:_\d+)*)?)?|\.\d+(?:_\d+)*)(?:[eE][+-]?\d+)?|inf|infinity|nan)$/i;

function parsePythonInt(text: string, base: number): number | null {
  const trimmed = text.trim();
  const pattern = INT_PATTERNS[base];
  if (!pattern?.test(trimmed)) return null;
  const negative = trimmed.startsWith('-');
  const digits = trimmed
    .replace(/^[+-]/, '')
    .replace(/^0[box]/i, '')
    .replace(/_/g, '');
  const parsed = Number.parseInt(digits, base);
  return negative ? -parsed : parsed;
}

function parsePythonFloat(text: string): number | null {
  const trimmed = text.trim();
  if (!FLOAT_PATTERN.test(trimmed) || !/\d|inf|nan/i.test(trimmed)) return null;
  const lower = trimmed.toLowerCase().replace(/_/g, '');
  if (lower.includes('nan')) return Number.NaN;
  if (lower.includes('inf')) return lower.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  return Number(lower);
}

function toInt(value: unknown, call: Parameters<FilterFunction>[1]): unknown {
  const fallback = param(call, 0, 'default', 0);
  const base = intParam(call, 1, 'base', 10);
  ensureDefined(value);
  if (isNumeric(value)) {
    const number = numericValue(value);
    if (Number.isNaN(number)) return fallback;
    if (!Number.isFinite(number)) pythonError('OverflowError', 'cannot convert float infinity to integer');
    return Math.trunc(number);
  }
  if (typeof value !== 'string') return fallback;
  const parsed = parsePythonInt(value, base) ?? parsePythonFloat(value);
  return parsed === null || !Number.isFinite(parsed) ? fallback : Math.trunc(parsed);
}

function toFloat(value: unknown, call: Parameters<FilterFunction>[1]): unknown {
  ensureDefined(value);
  const parsed = isNumeric(value) ? numericValue(value) : typeof value === 'string' ? parsePythonFloat(value) : null;
  return parsed === null ? param(call, 0, 'default', new PyFloat(0)) : makeFloat(parsed);
}

/** Python's round(): ties go to the even digit of the exact binary value. */
function pythonRound(value: number, digits: number): number {
  if (digits >= 0) return Number(formatFixed(value, digits));
  const scale = 10 ** -digits;
  return Number(formatFixed(value / scale, 0)) * scale;
}

function round(value: unknown, call: Parameters<FilterFunction>[1]): unknown {
  const precision = intParam(call, 0, 'precision', 0);
  const method = param(call, 1, 'method', 'common');
  ensureDefined(value);
  if (!isNumeric(value)) pythonError('TypeError', `type ${pyTypeName(value)} doesn't define __round__ method`);
  const number = numericValue(value);
  if (method === 'common') return isFloat(value) ? makeFloat(pythonRound(number, precision)) : number;
  if (method !== 'ceil' && method !== 'floor') pythonError('FilterArgumentError', 'method must be common, ceil or floor');
  const scale = 10 ** precision;
  return makeFloat((method === 'ceil' ? Math.ceil(number * scale) : Math.floor(number * scale)) / scale);
}

function filesizeformat(value: unknown, call: Parameters<FilterFunction>[1]): string {
  const bytes = numericValue(toFloat(value, { positional: [], keywords: new Map() }));
  const binary = Boolean(param(call, 0, 'binary', false));
  const base = binary ? 1024 : 1000;
  const prefixes = binary ? ['KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'] : ['kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
  if (bytes === 1) return '1 Byte';
  if (bytes < base) return `${Math.trunc(bytes)} Bytes`;
  let unit = base;
  for (const [index, prefix] of prefixes.entries()) {
    unit = base ** (index + 2);
    if (bytes < unit || index === prefixes.length - 1) return `${formatFixed((base * bytes) / unit, 1)} ${prefix}`;
  }
  return `${formatFixed((base * bytes) / unit, 1)} YB`;
}

function jsonString(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (char === '\b') out += '\\b';
    else if (char === '\f') out += '\\f';
    else if (code < 0x20 || code > 0x7e) {
      for (let index = 0; index < char.length; index += 1) out += `\\u${char.charCodeAt(index).toString(16).padStart(4, '0')}`;
    } else out += char;
  }
  return `${out}"`;
}

/** Python's json.dumps(sort_keys=True), which Jinja2's tojson uses before HTML-safe escaping. */
function jsonDumps(input: unknown, indent: string | null, level: number): string {
  const value = unwrapMarkup(ensureDefined(input));
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return jsonString(value);
  if (isNumeric(value)) {
    const number = numericValue(value);
    if (!isFloat(value)) return pyStr(value);
    return Number.isNaN(number) ? 'NaN' : Number.isFinite(number) ? floatRepr(number) : number > 0 ? 'Infinity' : '-Infinity';
  }
  const inner = indent === null ? '' : `\n${indent.repeat(level + 1)}`;
  const outer = indent === null ? '' : `\n${indent.repeat(level)}`;
  const separator = indent === null ? ', ' : `,${inner}`;
  // Checked per level: indentation grows with depth, so a deep value must fail before it is built.
  checkStringLengthWhileRendering(inner.length);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const text = `[${inner}${value.map((item) => jsonDumps(item, indent, level + 1)).join(separator)}${outer}]`;
    checkStringLengthWhileRendering(text.length);
    return text;
  }
  if (value instanceof Map) {
    if (value.size === 0) return '{}';
    const entries = [...value.entries()].map(([key, item]) => [jsonKey(key), item] as const);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const body = entries.map(([key, item]) => `${jsonString(key)}: ${jsonDumps(item, indent, level + 1)}`);
    const text = `{${inner}${body.join(separator)}${outer}}`;
    checkStringLengthWhileRendering(text.length);
    return text;
  }
  return pythonError('TypeError', `Object of type ${pyTypeName(value)} is not JSON serializable`);
}

function jsonKey(input: unknown): string {
  const key = unwrapMarkup(input);
  if (typeof key === 'string') return key;
  if (key === null) return 'null';
  if (typeof key === 'boolean') return key ? 'true' : 'false';
  if (isNumeric(key)) return jsonDumps(key, null, 0);
  return pythonError('TypeError', `keys must be str, int, float, bool or None, not ${pyTypeName(key)}`);
}

/** Python's json.dumps made safe for HTML, returned as Markup like Jinja2's. */
function tojson(value: unknown, call: Parameters<FilterFunction>[1]): Markup {
  const indentParam = param(call, 0, 'indent', null);
  if (indentParam !== null && typeof indentParam !== 'string' && !isInt(indentParam)) {
    pythonError('TypeError', `can't multiply sequence by non-int of type '${pyTypeName(indentParam)}'`);
  }
  if (typeof indentParam === 'number') currentBudget().checkStringLength(indentParam);
  const indent = indentParam === null ? null : typeof indentParam === 'string' ? indentParam : ' '.repeat(Math.max(0, numericValue(indentParam)));
  const json = jsonDumps(value, indent, 0).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/'/g, '\\u0027');
  return new Markup(json);
}

export const NUMBER_FILTERS = new Map<string, FilterFunction>([
  ['int', toInt],
  ['float', toFloat],
  ['round', round],
  [
    'abs',
    (value) => {
      ensureDefined(value);
      if (!isNumeric(value)) pythonError('TypeError', `bad operand type for abs(): '${pyTypeName(value)}'`);
      const magnitude = Math.abs(numericValue(value));
      return isFloat(value) ? makeFloat(magnitude) : magnitude;
    },
  ],
  ['filesizeformat', filesizeformat],
  ['tojson', tojson],
  ['pprint', (value) => pyRepr(ensureDefined(value), true)],
]);
