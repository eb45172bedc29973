import { formatExponent, formatFixed, formatGeneral } from './float-format';
import { floatRepr, pyRepr, pyStr } from './python-repr';
import { currentBudget } from '../runtime/render-budget';
import { getAttribute, getItem } from '../runtime/sandbox-lookup';
import { Markup, codePointLength, isFloat, isInt, isNumeric, isTuple, numericValue, pyTypeName, pythonError } from './python-values';

function requireNumber(value: unknown, code: string): number {
  if (!isNumeric(value)) pythonError('TypeError', `%${code} format: a real number is required, not ${pyTypeName(value)}`);
  return numericValue(value);
}

interface Spec {
  fill: string;
  align: string;
  sign: string;
  alternate: boolean;
  zero: boolean;
  width: number;
  grouping: string;
  precision: number | undefined;
  type: string;
}

function applySign(text: string, negative: boolean, sign: string): string {
  if (negative) return `-${text}`;
  return sign === '+' ? `+${text}` : sign === ' ' ? ` ${text}` : text;
}

function group(digits: string, separator: string): string {
  if (!separator) return digits;
  const [integer = '', fraction] = digits.split('.');
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function formatNumberBody(value: unknown, spec: Spec): string {
  const number = numericValue(value);
  const magnitude = Math.abs(number);
  const precision = spec.precision;
  switch (spec.type) {
    case 'd':
    case 'i':
      return group(String(Math.trunc(magnitude)), spec.grouping);
    case 'x':
    case 'X': {
      const hex = Math.trunc(magnitude).toString(16);
      return (spec.alternate ? '0x' : '') + (spec.type === 'X' ? hex.toUpperCase() : hex);
    }
    case 'o':
      return (spec.alternate ? '0o' : '') + Math.trunc(magnitude).toString(8);
    case 'b':
      return (spec.alternate ? '0b' : '') + Math.trunc(magnitude).toString(2);
    case 'f':
    case 'F':
      return group(formatFixed(magnitude, precision ?? 6), spec.grouping);
    case 'e':
    case 'E':
      return formatExponent(magnitude, precision ?? 6, spec.type === 'E');
    case 'g':
    case 'G':
      return formatGeneral(magnitude, precision ?? 6, spec.alternate);
    case '%':
      return `${formatFixed(magnitude * 100, precision ?? 6)}%`;
    default:
      if (precision !== undefined && isFloat(value)) return formatGeneral(magnitude, precision, false);
      return group(isFloat(value) ? floatRepr(magnitude) : pyStr(magnitude), spec.grouping);
  }
}

function pad(text: string, spec: Spec, numeric: boolean, negative: boolean): string {
  currentBudget().checkStringLength(spec.width);
  const signed = numeric ? applySign(text, negative, spec.sign) : text;
  if (signed.length >= spec.width) return signed;
  const padding = spec.width - signed.length;
  if (spec.zero && numeric && !spec.align) {
    const signLength = signed.length - text.length;
    return signed.slice(0, signLength) + '0'.repeat(padding) + text;
  }
  const align = spec.align || (numeric ? '>' : '<');
  const fill = spec.fill || ' ';
  if (align === '<') return signed + fill.repeat(padding);
  if (align === '>') return fill.repeat(padding) + signed;
  if (align === '=') return signed.slice(0, signed.length - text.length) + fill.repeat(padding) + text;
  const left = Math.floor(padding / 2);
  return fill.repeat(left) + signed + fill.repeat(padding - left);
}

/** Floats keep the sign of zero (`-0.0`); ints have no negative zero. */
function isNegative(value: unknown): boolean {
  const number = numericValue(value);
  return number < 0 || (isFloat(value) && Object.is(number, -0));
}

function applySpec(value: unknown, spec: Spec): string {
  const numeric = isNumeric(value) && typeof value !== 'boolean' && spec.type !== 's';
  if (numeric) {
    const negative = isNegative(value);
    return pad(formatNumberBody(value, spec), spec, true, negative);
  }
  if ('dfFeEgGxXob%'.includes(spec.type) && spec.type) {
    pythonError('ValueError', `Unknown format code '${spec.type}' for object of type '${pyTypeName(value)}'`);
  }
  const text = pyStr(value);
  return pad(spec.precision === undefined ? text : text.slice(0, spec.precision), spec, false, false);
}

const FORMAT_SPEC = /^(?:(.)?([<>=^]))?([-+ ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/s;

function parseSpec(text: string): Spec {
  const match = FORMAT_SPEC.exec(text);
  if (!match) return pythonError('ValueError', `Invalid format specifier '${text}'`);
  return {
    fill: match[1] ?? '',
    align: match[2] ?? '',
    sign: match[3] ?? '-',
    alternate: Boolean(match[4]),
    zero: Boolean(match[5]),
    width: Number(match[6] ?? 0),
    grouping: match[7] ?? '',
    precision: match[8] === undefined ? undefined : Number(match[8]),
    type: match[9] ?? '',
  };
}

/** Python forbids mixing `{}` and `{0}` in one format string. */
interface Numbering {
  next: number;
  mode: 'auto' | 'manual' | null;
}

function useNumbering(numbering: Numbering, mode: 'auto' | 'manual'): void {
  if (numbering.mode !== null && numbering.mode !== mode) {
    pythonError(
      'ValueError',
      mode === 'auto'
        ? 'cannot switch from manual field specification to automatic field numbering'
        : 'cannot switch from automatic field numbering to manual field specification',
    );
  }
  numbering.mode = mode;
}

function resolveField(field: string, positional: unknown[], keywords: Map<string, unknown>, numbering: Numbering): unknown {
  const [, head = '', rest = ''] = /^([^.[]*)(.*)$/s.exec(field) ?? [];
  let value: unknown;
  let index: number | null = null;
  if (head === '') {
    useNumbering(numbering, 'auto');
    index = numbering.next++;
  } else if (/^\d+$/.test(head)) {
    useNumbering(numbering, 'manual');
    index = Number(head);
  } else if (keywords.has(head)) value = keywords.get(head);
  else pythonError('KeyError', `'${head}'`);
  if (index !== null) {
    if (index >= positional.length) pythonError('IndexError', `Replacement index ${index} out of range for positional args tuple`);
    value = positional[index];
  }
  for (const [, attribute, key] of rest.matchAll(/\.([^.[]+)|\[([^\]]+)\]/g)) {
    value = attribute !== undefined ? getAttribute(value, attribute) : getItem(value, /^\d+$/.test(key ?? '') ? Number(key) : key);
  }
  return value;
}

/** Splits `name!conversion:spec` (a `:` or `!` inside `[...]` belongs to the name). */
function splitField(field: string): { name: string; conversion: string | null; spec: string } {
  let end = 0;
  for (let inBrackets = false; end < field.length; end += 1) {
    const char = field.charAt(end);
    if (char === '[') inBrackets = true;
    else if (char === ']') inBrackets = false;
    else if (!inBrackets && (char === '!' || char === ':')) break;
  }
  const name = field.slice(0, end);
  if (field.charAt(end) !== '!') return { name, conversion: null, spec: field.slice(end + 1) };
  if (end + 1 >= field.length) pythonError('ValueError', 'end of string while looking for conversion specifier');
  if (end + 2 < field.length && field.charAt(end + 2) !== ':') pythonError('ValueError', "expected ':' after conversion specifier");
  return { name, conversion: field.charAt(end + 1), spec: field.slice(end + 3) };
}

const BRACES = /[{}]/g;

/** One level of a format string; a spec with `{...}` fields is itself formatted one level down. */
function renderFormat(template: string, positional: unknown[], keywords: Map<string, unknown>, numbering: Numbering, depth: number): string {
  if (depth <= 0) pythonError('ValueError', 'Max string recursion exceeded');
  let out = '';
  let index = 0;
  while (index < template.length) {
    BRACES.lastIndex = index;
    const brace = BRACES.exec(template)?.index ?? -1;
    if (brace === -1) return out + template.slice(index);
    out += template.slice(index, brace);
    const char = template.charAt(brace);
    if (template.charAt(brace + 1) === char) {
      out += char;
      index = brace + 2;
      continue;
    }
    if (char === '}') pythonError('ValueError', "Single '}' encountered in format string");
    let end = brace + 1;
    for (let level = 1; level > 0; end += 1) {
      if (end >= template.length) {
        pythonError('ValueError', brace + 1 === template.length ? "Single '{' encountered in format string" : "expected '}' before end of string");
      }
      const inner = template.charAt(end);
      if (inner === '{') level += 1;
      else if (inner === '}') level -= 1;
    }
    const { name, conversion, spec } = splitField(template.slice(brace + 1, end - 1));
    let value = resolveField(name, positional, keywords, numbering);
    if (conversion === 'r' || conversion === 'a') value = pyRepr(value);
    else if (conversion === 's') value = pyStr(value);
    else if (conversion !== null) pythonError('ValueError', `Unknown conversion specifier ${conversion}`);
    const expandedSpec = spec.includes('{') ? renderFormat(spec, positional, keywords, numbering, depth - 1) : spec;
    out += applySpec(value, parseSpec(expandedSpec));
    currentBudget().checkStringLength(out.length);
    index = end;
  }
  return out;
}

/** Python's `str.format`: auto or manual numbering, `!r`/`!s`/`!a`, and nested fields in specs (`{0:>{1}}`). */
export function formatBraces(template: string, positional: unknown[], keywords: Map<string, unknown>): string {
  return renderFormat(template, positional, keywords, { next: 0, mode: null }, 2);
}

const PERCENT_SPEC = /%(?:\(([^)]*)\))?([-+ #0]*)(\*|\d+)?(?:\.(\d+))?([diouxXeEfFgGcrsa%])/g;

function characterOf(value: unknown, escaping: boolean): string {
  // Markup's `%` wraps each argument in an escaping helper, which %c does not accept.
  const text = typeof value === 'string' && !escaping ? value : null;
  if (text !== null && codePointLength(text) === 1) return text;
  if ((!isInt(value) && typeof value !== 'boolean') || escaping) pythonError('TypeError', '%c requires int or char');
  const code = numericValue(value);
  if (code < 0 || code > 0x10ffff) pythonError('OverflowError', '%c arg not in range(0x110000)');
  return String.fromCodePoint(code);
}

/**
 * Python's printf-style `format % args`, used by `%` on strings and the `format` filter.
 * `escapeText` (Markup's `%`) escapes what `%s` and `%r` insert, except Markup values.
 */
export function formatPercent(template: string, args: unknown, escapeText: ((text: string) => string) | null = null): string {
  const positional = isTuple(args) ? [...args] : [args];
  let index = 0;
  const take = () => {
    if (index >= positional.length) pythonError('TypeError', 'not enough arguments for format string');
    return positional[index++];
  };
  const result = template.replace(PERCENT_SPEC, (_match, key: string | undefined, flags: string, width, precision, type: string) => {
    if (type === '%') return '%';
    const value = key !== undefined ? getItem(args, key) : take();
    const spec: Spec = {
      fill: ' ',
      align: flags.includes('-') ? '<' : '',
      sign: flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '-',
      alternate: flags.includes('#'),
      zero: flags.includes('0') && !flags.includes('-'),
      width: Number(width === '*' ? take() : (width ?? 0)),
      grouping: '',
      precision: precision === undefined ? undefined : Number(precision),
      type: type === 'u' ? 'd' : type,
    };
    // printf right-aligns text unless the `-` flag is given.
    const textSpec = { ...spec, align: spec.align || '>' };
    if (type === 's' || type === 'r' || type === 'a') {
      const text = type === 's' ? pyStr(value) : pyRepr(value);
      const escaped = !escapeText || (type === 's' && value instanceof Markup) ? text : escapeText(text);
      return pad(spec.precision === undefined ? escaped : escaped.slice(0, spec.precision), textSpec, false, false);
    }
    if (type === 'c') return pad(characterOf(value, escapeText !== null), textSpec, false, false);
    requireNumber(value, type);
    return pad(formatNumberBody(value, spec), spec, true, isNegative(value));
  });
  if (index < positional.length && !(args instanceof Map)) {
    pythonError('TypeError', 'not all arguments converted during string formatting');
  }
  return result;
}
