import { floatRepr, pyRepr, pyStr } from './python-repr';
import { currentBudget } from './render-budget';
import { getAttribute, getItem } from './sandbox-lookup';
import {
  isFloat,
  isNumeric,
  isTuple,
  numericValue,
  pyTypeName,
  pythonError,
} from './python-values';

/** True when `value * 10**digits` lies exactly halfway between two integers (in binary). */
function isExactTie(value: number, digits: number): boolean {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(value));
  const bits = view.getBigUint64(0);
  const biasedExponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biasedExponent === 0 ? fraction : fraction | (1n << 52n);
  const exponent = (biasedExponent === 0 ? 1 : biasedExponent) - 1075;
  const scaled = mantissa * 10n ** BigInt(digits);
  // value * 10**digits * 2 = scaled * 2**(exponent + 1) must be an odd integer.
  const shift = -(exponent + 1);
  if (shift < 0 || scaled === 0n) return false;
  const divisor = 1n << BigInt(shift);
  return scaled % divisor === 0n && (scaled / divisor) % 2n === 1n;
}

/** Python's `'%.Nf' % value`: like toFixed, but exact ties round half to even. */
export function formatFixed(value: number, digits: number): string {
  if (!Number.isFinite(value)) return floatRepr(value);
  if (Math.abs(value) >= 1e21) return `${BigInt(value).toString()}${digits > 0 ? `.${'0'.repeat(digits)}` : ''}`;
  const rounded = value.toFixed(digits);
  if (!isExactTie(value, digits)) return rounded;
  const negative = rounded.startsWith('-');
  let scaled = BigInt(rounded.replace(/[-.]/g, ''));
  if (scaled % 2n === 1n) scaled -= 1n;
  const text = scaled.toString().padStart(digits + 1, '0');
  const body = digits > 0 ? `${text.slice(0, -digits)}.${text.slice(-digits)}` : text;
  return negative ? `-${body}` : body;
}

function formatExponent(value: number, digits: number, upper = false): string {
  if (!Number.isFinite(value)) return floatRepr(value);
  const [mantissa = '', exponent = '0'] = value.toExponential(digits).split('e');
  const sign = exponent.startsWith('-') ? '-' : '+';
  const text = `${mantissa}e${sign}${exponent.replace(/^[-+]/, '').padStart(2, '0')}`;
  return upper ? text.toUpperCase() : text;
}

function formatGeneral(value: number, precision: number, alternate: boolean): string {
  const significant = precision === 0 ? 1 : precision;
  if (!Number.isFinite(value)) return floatRepr(value);
  const exponent = value === 0 ? 0 : Number(value.toExponential(significant - 1).split('e')[1]);
  const text =
    exponent >= -4 && exponent < significant
      ? formatFixed(value, significant - 1 - exponent)
      : formatExponent(value, significant - 1);
  if (alternate) return text;
  const [mantissa = '', exponentPart] = text.split('e');
  const trimmed = mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
  return exponentPart === undefined ? trimmed : `${trimmed}e${exponentPart}`;
}

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

function applySpec(value: unknown, spec: Spec): string {
  const numeric = isNumeric(value) && typeof value !== 'boolean' && spec.type !== 's';
  if (numeric) {
    const negative = numericValue(value) < 0 || Object.is(numericValue(value), -0);
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

function resolveField(field: string, positional: unknown[], keywords: Map<string, unknown>, next: () => number): unknown {
  const [, head = '', rest = ''] = /^([^.[]*)(.*)$/s.exec(field) ?? [];
  let value: unknown;
  if (head === '') value = positional[next()];
  else if (/^\d+$/.test(head)) value = positional[Number(head)];
  else if (keywords.has(head)) value = keywords.get(head);
  else pythonError('KeyError', `'${head}'`);
  if (value === undefined) pythonError('IndexError', 'Replacement index out of range for positional args tuple');
  for (const [, attribute, key] of rest.matchAll(/\.([^.[]+)|\[([^\]]+)\]/g)) {
    value = attribute !== undefined ? getAttribute(value, attribute) : getItem(value, /^\d+$/.test(key ?? '') ? Number(key) : key);
  }
  return value;
}

/** Python's `str.format` with the common subset of the format mini-language. */
export function formatBraces(template: string, positional: unknown[], keywords: Map<string, unknown>): string {
  let autoIndex = 0;
  const next = () => autoIndex++;
  return template.replace(/\{\{|\}\}|\{([^{}!:]*)(?:!([rsa]))?(?::([^{}]*))?\}/g, (match, field: string | undefined, conversion, spec) => {
    if (match === '{{') return '{';
    if (match === '}}') return '}';
    let value = resolveField(field ?? '', positional, keywords, next);
    if (conversion === 'r' || conversion === 'a') value = pyRepr(value);
    else if (conversion === 's') value = pyStr(value);
    return applySpec(value, parseSpec(spec ?? ''));
  });
}

const PERCENT_SPEC = /%(?:\(([^)]*)\))?([-+ #0]*)(\*|\d+)?(?:\.(\d+))?([diouxXeEfFgGcrsa%])/g;

/** Python's printf-style `format % args`, used by `%` on strings and the `format` filter. */
export function formatPercent(template: string, args: unknown): string {
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
      return pad(spec.precision === undefined ? text : text.slice(0, spec.precision), textSpec, false, false);
    }
    if (type === 'c') return pad(typeof value === 'string' ? value : String.fromCodePoint(requireNumber(value, 'c')), textSpec, false, false);
    const number = requireNumber(value, type);
    return pad(formatNumberBody(value, spec), spec, true, number < 0);
  });
  if (index < positional.length && !(args instanceof Map)) {
    pythonError('TypeError', 'not all arguments converted during string formatting');
  }
  return result;
}
