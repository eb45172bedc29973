import { floatRepr } from './python-repr';
import { checkStringLengthWhileRendering } from '../runtime/render-budget';

/*
 * Python's `%f`, `%e` and `%g` for any precision (`'%.150f' % 1.5` included), computed exactly
 * from the binary value with BigInt and rounded half to even on exact ties, as CPython does.
 * JS's toFixed/toExponential stop at 100 digits and round ties away from zero.
 */

/** The exact value of a finite, non-negative double as `numerator / denominator`. */
function exactFraction(value: number): { numerator: bigint; denominator: bigint } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const biasedExponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biasedExponent === 0 ? fraction : fraction | (1n << 52n);
  const exponent = (biasedExponent === 0 ? 1 : biasedExponent) - 1075;
  return exponent >= 0 ? { numerator: mantissa << BigInt(exponent), denominator: 1n } : { numerator: mantissa, denominator: 1n << BigInt(-exponent) };
}

/** `numerator / denominator` rounded to an integer, ties to even. */
function roundHalfEven(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const twiceRemainder = (numerator % denominator) * 2n;
  if (twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2n === 1n)) return quotient + 1n;
  return quotient;
}

/** |value| * 10**shift rounded to an integer (shift may be negative). */
function scaledDigits(value: number, shift: number): bigint {
  const { numerator, denominator } = exactFraction(Math.abs(value));
  return shift >= 0 ? roundHalfEven(numerator * 10n ** BigInt(shift), denominator) : roundHalfEven(numerator, denominator * 10n ** BigInt(-shift));
}

function withSign(value: number, text: string): string {
  return value < 0 || Object.is(value, -0) ? `-${text}` : text;
}

/** Python's `'%.Nf' % value`. */
export function formatFixed(value: number, digits: number): string {
  if (!Number.isFinite(value)) return floatRepr(value);
  checkStringLengthWhileRendering(digits);
  const text = scaledDigits(value, digits)
    .toString()
    .padStart(digits + 1, '0');
  const body = digits > 0 ? `${text.slice(0, -digits)}.${text.slice(-digits)}` : text;
  return withSign(value, body);
}

/** Digits and decimal exponent of |value| rounded to `digits + 1` significant digits. */
function significantDigits(value: number, digits: number): { mantissa: string; exponent: number } {
  if (value === 0) return { mantissa: '0'.repeat(digits + 1), exponent: 0 };
  // The shortest repr's exponent is right or one too high (1e23 is stored as 9.99...e22).
  let exponent = Number(Math.abs(value).toExponential().split('e')[1]);
  let scaled = scaledDigits(value, digits - exponent);
  if (scaled < 10n ** BigInt(digits)) {
    exponent -= 1;
    scaled = scaledDigits(value, digits - exponent);
  }
  if (scaled >= 10n ** BigInt(digits + 1)) {
    exponent += 1;
    scaled = scaledDigits(value, digits - exponent);
  }
  return { mantissa: scaled.toString(), exponent };
}

/** Python's `'%.Ne' % value` (`upper` for `%E`). */
export function formatExponent(value: number, digits: number, upper = false): string {
  if (!Number.isFinite(value)) return floatRepr(value);
  checkStringLengthWhileRendering(digits);
  const { mantissa, exponent } = significantDigits(value, digits);
  const body = digits > 0 ? `${mantissa.charAt(0)}.${mantissa.slice(1)}` : mantissa;
  const text = withSign(value, `${body}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`);
  return upper ? text.toUpperCase() : text;
}

/** Python's `'%.Ng' % value`; `alternate` (`#`) keeps trailing zeros. */
export function formatGeneral(value: number, precision: number, alternate: boolean): string {
  if (!Number.isFinite(value)) return floatRepr(value);
  const significant = precision === 0 ? 1 : precision;
  const { exponent } = significantDigits(value, significant - 1);
  const text = exponent >= -4 && exponent < significant ? formatFixed(value, significant - 1 - exponent) : formatExponent(value, significant - 1);
  if (alternate) return text;
  const [mantissa = '', exponentPart] = text.split('e');
  const trimmed = mantissa.includes('.') ? withoutTrailingZeros(mantissa) : mantissa;
  return exponentPart === undefined ? trimmed : `${trimmed}e${exponentPart}`;
}

/** `1.500` -> `1.5`, `2.000` -> `2` (an index scan: precision can make the text long). */
function withoutTrailingZeros(text: string): string {
  let end = text.length;
  while (end > 0 && text.charAt(end - 1) === '0') end -= 1;
  if (text.charAt(end - 1) === '.') end -= 1;
  return text.slice(0, end);
}
