import { checkStringLengthWhileRendering } from '../runtime/render-budget';
import { Markup, Namespace, PyFloat, TemplateObject, TemplateCallable, UndefinedValue, codePoints, isFloat, isTuple, numericValue } from './python-values';

/** Python's `repr(float)`: shortest round-trip digits, exponent form outside [1e-4, 1e16). */
export function floatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const [mantissa = '0', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    const sign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  const fixed = value.toFixed(Math.max(0, decimalsOf(mantissa) - exponent));
  return fixed.includes('.') ? fixed : `${fixed}.0`;
}

function decimalsOf(mantissa: string): number {
  const dot = mantissa.indexOf('.');
  return dot === -1 ? 0 : mantissa.length - dot - 1;
}

function intRepr(value: number): string {
  return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
}

function stringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of codePoints(text)) {
    const code = char.codePointAt(0) ?? 0;
    if (char === quote || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if ((code >= 0x80 && code < 0xa0) || code === 0xad) out += `\\x${code.toString(16)}`;
    else out += char;
  }
  return out + quote;
}

/**
 * Python's `repr()`; `sortKeys` gives pprint's ordering of dict keys. `seen` remembers the text of
 * each list and dict already written in this call, so a structure repeating one object many times
 * (`[[big] * 1000] * 1000`) costs one rendering of it, not one per occurrence.
 */
export function pyRepr(value: unknown, sortKeys = false, seen = new Map<object, string>()): string {
  if (typeof value === 'string') return stringRepr(value);
  if (value instanceof Markup) return `Markup(${stringRepr(value.text)})`;
  if (value instanceof UndefinedValue) return 'Undefined';
  if (!Array.isArray(value) && !(value instanceof Map)) return pyStr(value);
  const known = seen.get(value);
  if (known !== undefined) return known;
  // A list that contains itself (`xs.append(xs)`) prints `[[...]]`, as in Python.
  seen.set(value, isTuple(value) ? '(...)' : Array.isArray(value) ? '[...]' : '{...}');
  let text: string;
  if (Array.isArray(value)) {
    const items = value.map((item) => pyRepr(item, sortKeys, seen));
    text = isTuple(value) ? (items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`) : `[${items.join(', ')}]`;
  } else {
    const entries = [...value.entries()];
    if (sortKeys) entries.sort(([a], [b]) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
    text = `{${entries.map(([key, item]) => `${pyRepr(key, sortKeys, seen)}: ${pyRepr(item, sortKeys, seen)}`).join(', ')}}`;
  }
  // Checked per level so `[[big] * 1000] * 1000` fails before building the whole text.
  checkStringLengthWhileRendering(text.length);
  seen.set(value, text);
  return text;
}

/** Python's `str()`, which is how Jinja2 prints `{{ value }}`. */
export function pyStr(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Markup) return value.text;
  if (value instanceof UndefinedValue) return value.printable ? '' : value.fail();
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number' || value instanceof PyFloat) {
    const number = numericValue(value);
    return isFloat(value) ? floatRepr(number) : intRepr(number);
  }
  if (Array.isArray(value) || value instanceof Map) return pyRepr(value);
  if (value instanceof Namespace) return `<Namespace ${pyRepr(value.attributes)}>`;
  if (value instanceof TemplateObject) return `<${value.describe()} object>`;
  if (value instanceof TemplateCallable) return `<function ${value.name}>`;
  return '<object>';
}
