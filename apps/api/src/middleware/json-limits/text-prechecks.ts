import { isStorableText } from '../../http/storable-text';

/**
 * Cheap checks on a body's raw text, each a native scan, that prove a walk of the parsed value
 * would find nothing, so the common body is parsed once and never walked. When one cannot prove it,
 * the walk runs as before: they decide how much work is done, never what is accepted.
 */

/** Escapes that decode to NUL or to a UTF-16 surrogate (paired or not). */
const UNSTORABLE_ESCAPE = /\\u(?:0000|[dD][89a-fA-F])/;

/** False when no key or string of the parsed body can hold NUL or an unpaired surrogate. */
export function mayHoldUnstorableText(text: string): boolean {
  return !isStorableText(text) || UNSTORABLE_ESCAPE.test(text);
}

/**
 * Numbers whose shortest JSON form can be longer than written: any with an exponent (`9e20` comes
 * back as 21 digits) and integers of 16 digits or more (rounding may carry into a new digit).
 */
const GROWING_NUMBER = /\d[eE][+-]?\d|\d{16}/;

/**
 * False when no field of the parsed body can serialize to more than `maxBytes`. For text without
 * unstorable characters (checked first), everything else in JSON re-serializes no longer than
 * written (whitespace goes, escapes only shrink), so no field of a body within the limit exceeds it.
 */
export function mayHoldFieldOver(text: string, maxBytes: number): boolean {
  return Buffer.byteLength(text) > maxBytes || GROWING_NUMBER.test(text);
}
