import { type Method, argument } from '../runtime/call-arguments';
import { DICT_METHODS, LIST_METHODS, TUPLE_METHODS } from './python-collection-methods';
import { formatBraces } from './python-format';
import { currentBudget } from '../runtime/render-budget';
import {
  type CallArguments,
  TemplateCallable,
  codePointLength,
  codePoints,
  isInt,
  isTuple,
  iterateValue,
  numericValue,
  pyTypeName,
  pythonError,
} from './python-values';

function stringArgument(call: CallArguments, index: number, name: string): string | null {
  const value = argument(call, index, name, null);
  if (value !== null && typeof value !== 'string') {
    pythonError('TypeError', `${name} must be str or None, not ${pyTypeName(value)}`);
  }
  return value;
}

const PYTHON_WHITESPACE = new Set(
  ' \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000',
);

// Index scans rather than regexes: `[chars]+$` backtracks quadratically on hostile input.
export function pyStrip(text: string, chars: string | null, side: 'both' | 'left' | 'right' = 'both'): string {
  const strip = chars === null ? PYTHON_WHITESPACE : new Set(chars);
  let start = 0;
  let end = text.length;
  if (side !== 'right') while (start < end && strip.has(text.charAt(start))) start += 1;
  if (side !== 'left') while (end > start && strip.has(text.charAt(end - 1))) end -= 1;
  return text.slice(start, end);
}

/** Python's `str.split` (whitespace runs when `separator` is None). */
export function pySplit(text: string, separator: string | null, maxSplit = -1): string[] {
  if (separator === '') pythonError('ValueError', 'empty separator');
  const parts: string[] = [];
  if (separator === null) {
    let index = 0;
    while (index < text.length) {
      while (index < text.length && PYTHON_WHITESPACE.has(text.charAt(index))) index += 1;
      if (index >= text.length) break;
      if (maxSplit >= 0 && parts.length === maxSplit) {
        parts.push(text.slice(index));
        break;
      }
      const start = index;
      while (index < text.length && !PYTHON_WHITESPACE.has(text.charAt(index))) index += 1;
      parts.push(text.slice(start, index));
    }
    return parts;
  }
  let rest = text;
  for (let index = rest.indexOf(separator); index !== -1; index = rest.indexOf(separator)) {
    if (maxSplit >= 0 && parts.length === maxSplit) break;
    parts.push(rest.slice(0, index));
    rest = rest.slice(index + separator.length);
  }
  parts.push(rest);
  return parts;
}

const LINE_BREAKS = new Set('\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029');

/** Python's `str.splitlines`, which also breaks on \v, \f, \x1c-\x1e, \x85, \u2028 and \u2029. */
export function pySplitLines(text: string, keepEnds = false): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    if (!LINE_BREAKS.has(text.charAt(index))) continue;
    const breakEnd = text.startsWith('\r\n', index) ? index + 2 : index + 1;
    lines.push(text.slice(start, keepEnds ? breakEnd : index));
    start = breakEnd;
    index = breakEnd - 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/** Rejects a replacement whose result would exceed maxOutputChars before building it. */
export function checkReplacementSize(text: string, old: string, replacement: string, count: number): void {
  const occurrences = old === '' ? text.length + 1 : text.split(old).length - 1;
  const replaced = count < 0 ? occurrences : Math.min(count, occurrences);
  currentBudget().checkStringLength(text.length + replaced * (replacement.length - old.length));
}

function pyReplace(text: string, old: string, replacement: string, count: number): string {
  checkReplacementSize(text, old, replacement, count);
  if (count < 0) {
    const result = old === '' ? replacement + [...text].join(replacement) + (text ? replacement : '') : text.split(old).join(replacement);
    currentBudget().checkStringLength(result.length);
    return result;
  }
  let result = text;
  let searchFrom = 0;
  for (let done = 0; done < count; done += 1) {
    const index = result.indexOf(old, searchFrom);
    if (index === -1) break;
    result = result.slice(0, index) + replacement + result.slice(index + old.length);
    searchFrom = index + replacement.length;
  }
  currentBudget().checkStringLength(result.length);
  return result;
}

/** Latin digraphs are the letters whose title case differs from their upper case. */
const TITLE_CASE_DIGRAPHS: Record<string, string> = { Ǆ: 'ǅ', ǅ: 'ǅ', ǆ: 'ǅ', Ǉ: 'ǈ', ǈ: 'ǈ', ǉ: 'ǈ', Ǌ: 'ǋ', ǋ: 'ǋ', ǌ: 'ǋ', Ǳ: 'ǲ', ǲ: 'ǲ', ǳ: 'ǲ' };

/** Upper-cases the first code point with title-case mapping and lower-cases the rest. */
export function titleWord(word: string): string {
  const [first = '', ...rest] = codePoints(word);
  const head = Object.hasOwn(TITLE_CASE_DIGRAPHS, first) ? (TITLE_CASE_DIGRAPHS[first] ?? first) : first.toUpperCase();
  return head + rest.join('').toLowerCase();
}

/** Python's `str.title`: every run of letters starts upper case and continues lower case. */
function pyTitle(text: string): string {
  return text.replace(/\p{L}+/gu, titleWord);
}

function affixTest(affix: unknown, test: (candidate: string) => boolean): boolean {
  const candidates = Array.isArray(affix) ? affix : [affix];
  return candidates.some((candidate) => {
    if (typeof candidate !== 'string') pythonError('TypeError', `expected str, not ${pyTypeName(candidate)}`);
    return test(candidate);
  });
}

function pad(text: string, width: unknown, fill: unknown, align: 'left' | 'right' | 'center'): string {
  if (!isInt(width) && typeof width !== 'boolean') pythonError('TypeError', `'${pyTypeName(width)}' object cannot be interpreted as an integer`);
  if (typeof fill !== 'string' || codePointLength(fill) !== 1) pythonError('TypeError', 'The fill character must be exactly one character long');
  const padding = numericValue(width) - codePointLength(text);
  if (padding <= 0) return text;
  currentBudget().checkStringLength(numericValue(width));
  const filler = fill;
  if (align === 'left') return text + filler.repeat(padding);
  if (align === 'right') return filler.repeat(padding) + text;
  const left = Math.floor(padding / 2) + (padding & numericValue(width) & 1);
  return filler.repeat(left) + text + filler.repeat(padding - left);
}

export function pyCenter(text: string, width: unknown, fill: unknown = ' '): string {
  return pad(text, width, fill, 'center');
}

const STRING_METHODS = new Map<string, Method<string>>([
  ['upper', (s) => s.toUpperCase()],
  ['lower', (s) => s.toLowerCase()],
  ['casefold', (s) => s.toLowerCase()],
  ['swapcase', (s) => [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('')],
  ['title', (s) => pyTitle(s)],
  ['capitalize', (s) => titleWord(s)],
  ['strip', (s, call) => pyStrip(s, stringArgument(call, 0, 'chars'))],
  ['lstrip', (s, call) => pyStrip(s, stringArgument(call, 0, 'chars'), 'left')],
  ['rstrip', (s, call) => pyStrip(s, stringArgument(call, 0, 'chars'), 'right')],
  ['split', (s, call) => pySplit(s, stringArgument(call, 0, 'sep'), numericValue(argument(call, 1, 'maxsplit', -1)))],
  ['splitlines', (s, call) => pySplitLines(s, Boolean(argument(call, 0, 'keepends', false)))],
  [
    'join',
    (s, call) => {
      const joined = iterateValue(argument(call, 0, 'iterable', null))
        .map((item) => {
          if (typeof item !== 'string') pythonError('TypeError', `sequence item: expected str instance, ${pyTypeName(item)} found`);
          return item;
        })
        .join(s);
      currentBudget().checkStringLength(joined.length);
      return joined;
    },
  ],
  [
    'replace',
    (s, call) => pyReplace(s, String(argument(call, 0, 'old', '')), String(argument(call, 1, 'new', '')), numericValue(argument(call, 2, 'count', -1))),
  ],
  ['startswith', (s, call) => affixTest(argument(call, 0, 'prefix', ''), (prefix) => s.startsWith(prefix))],
  ['endswith', (s, call) => affixTest(argument(call, 0, 'suffix', ''), (suffix) => s.endsWith(suffix))],
  [
    'count',
    (s, call) => {
      const needle = String(argument(call, 0, 'sub', ''));
      return needle === '' ? codePointLength(s) + 1 : s.split(needle).length - 1;
    },
  ],
  ['find', (s, call) => s.indexOf(String(argument(call, 0, 'sub', '')))],
  ['rfind', (s, call) => s.lastIndexOf(String(argument(call, 0, 'sub', '')))],
  [
    'index',
    (s, call) => {
      const found = s.indexOf(String(argument(call, 0, 'sub', '')));
      return found === -1 ? pythonError('ValueError', 'substring not found') : found;
    },
  ],
  [
    'zfill',
    (s, call) => {
      const width = numericValue(argument(call, 0, 'width', 0));
      const sign = /^[-+]/.test(s) ? s.charAt(0) : '';
      return sign + pad(s.slice(sign.length), width - sign.length, '0', 'right');
    },
  ],
  ['center', (s, call) => pad(s, argument(call, 0, 'width', 0), argument(call, 1, 'fillchar', ' '), 'center')],
  ['ljust', (s, call) => pad(s, argument(call, 0, 'width', 0), argument(call, 1, 'fillchar', ' '), 'left')],
  ['rjust', (s, call) => pad(s, argument(call, 0, 'width', 0), argument(call, 1, 'fillchar', ' '), 'right')],
  ['isdigit', (s) => /^\p{Nd}+$/u.test(s)],
  ['isnumeric', (s) => /^\p{N}+$/u.test(s)],
  ['isalpha', (s) => /^\p{L}+$/u.test(s)],
  ['isalnum', (s) => /^[\p{L}\p{N}]+$/u.test(s)],
  ['isspace', (s) => s !== '' && pyStrip(s, null) === ''],
  ['islower', (s) => /\p{Ll}/u.test(s) && !/\p{Lu}|\p{Lt}/u.test(s)],
  ['isupper', (s) => /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s)],
  [
    'format',
    (s, call) => {
      const formatted = formatBraces(s, call.positional, call.keywords);
      currentBudget().checkStringLength(formatted.length);
      return formatted;
    },
  ],
]);

const INT_METHODS = new Map<string, Method<number>>([['bit_length', (n) => (n === 0 ? 0 : Math.abs(n).toString(2).length)]]);

/** The Python methods templates may call, bound to their receiver; undefined when not offered. */
export function lookupMethod(target: unknown, name: string): TemplateCallable | undefined {
  const bind = <Self>(table: Map<string, Method<Self>>, self: Self) => {
    const method = table.get(name);
    return method && new TemplateCallable(name, (call) => method(self, call));
  };
  if (typeof target === 'string') return bind(STRING_METHODS, target);
  if (target instanceof Map) return bind(DICT_METHODS, target);
  if (isTuple(target)) return bind(TUPLE_METHODS, target);
  if (Array.isArray(target)) return bind(LIST_METHODS, target);
  if (isInt(target)) return bind(INT_METHODS, target);
  return undefined;
}
