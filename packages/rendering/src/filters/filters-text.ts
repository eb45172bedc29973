import { type FilterFunction, intParam, param } from './filter-support';
import { htmlEscape, markupEscape } from '../runtime/markup';
import { modulo } from '../python/python-operators';
import { checkReplacementSize, pyCenter, pySplitLines, pyStrip, titleWord } from '../python/python-methods';
import { pyStr } from '../python/python-repr';
import { currentBudget } from '../runtime/render-budget';
import { Markup, UndefinedValue, codePoints, makeTuple, pyTypeName, pythonError } from '../python/python-values';

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** html.unescape's numeric references: out of range, surrogate or NUL become U+FFFD. */
function characterReference(code: number): string {
  return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
}

function htmlUnescape(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) return characterReference(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return characterReference(Number(entity.slice(1)));
    return Object.hasOwn(NAMED_ENTITIES, entity) ? (NAMED_ENTITIES[entity] ?? match) : match;
  });
}

/** Removes `open ... close` spans in one left-to-right pass (an unclosed span is kept). */
function removeSpans(text: string, open: string, close: string): string {
  let result = '';
  let position = 0;
  for (let start = text.indexOf(open); start !== -1; start = text.indexOf(open, position)) {
    const end = text.indexOf(close, start + open.length);
    if (end === -1) break;
    result += text.slice(position, start);
    position = end + close.length;
  }
  return result + text.slice(position);
}

/** markupsafe's striptags: drop comments and tags, collapse whitespace, unescape entities. */
function stripTags(text: string): string {
  const withoutTags = removeSpans(removeSpans(text, '<!--', '-->'), '<', '>');
  return htmlUnescape(withoutTags.split(/\s+/).filter(Boolean).join(' '));
}

function titleCase(text: string): string {
  return text
    .split(/([-\s({[<]+)/u)
    .filter(Boolean)
    .map(titleWord)
    .join('');
}

function truncate(value: unknown, call: Parameters<FilterFunction>[1]): string {
  const text = pyStr(value);
  const length = intParam(call, 0, 'length', 255);
  const killWords = Boolean(param(call, 1, 'killwords', false));
  const end = pyStr(param(call, 2, 'end', '...'));
  const leeway = intParam(call, 3, 'leeway', 5);
  if (length < end.length) pythonError('AssertionError', 'expected length >= len(end)');
  const chars = codePoints(text);
  if (chars.length <= length + leeway) return text;
  const kept = chars.slice(0, length - end.length).join('');
  if (killWords) return kept + end;
  const lastSpace = kept.lastIndexOf(' ');
  return (lastSpace === -1 ? kept : kept.slice(0, lastSpace)) + end;
}

function indent(value: unknown, call: Parameters<FilterFunction>[1]): string {
  const width = param(call, 0, 'width', 4);
  if (typeof width !== 'string') currentBudget().checkStringLength(intParam(call, 0, 'width', 4));
  const indention = typeof width === 'string' ? width : ' '.repeat(Math.max(0, intParam(call, 0, 'width', 4)));
  const first = Boolean(param(call, 1, 'first', false));
  const blank = Boolean(param(call, 2, 'blank', false));
  const text = pyStr(value);
  const lines = pySplitLines(`${text}\n`);
  currentBudget().checkStringLength(text.length + indention.length * (lines.length + 1));
  let result = blank ? lines.join(`\n${indention}`) : [lines[0] ?? '', ...lines.slice(1).map((line) => (line ? indention + line : line))].join('\n');
  if (first) result = indention + result;
  currentBudget().checkStringLength(result.length);
  return result;
}

/** urllib.parse.quote: unreserved characters (and `safe`) pass, the rest is %-encoded UTF-8. */
function urlQuote(value: unknown, forQuery: boolean): string {
  const safe = forQuery ? '' : '/';
  let quoted = '';
  for (const byte of new TextEncoder().encode(pyStr(value))) {
    const char = String.fromCharCode(byte);
    quoted += /[A-Za-z0-9_.~-]/.test(char) || safe.includes(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return forQuery ? quoted.replace(/%20/g, '+') : quoted;
}

function urlencode(value: unknown): string {
  if (typeof value === 'string' || !(value instanceof Map || Array.isArray(value))) return urlQuote(value, false);
  const pairs = value instanceof Map ? [...value.entries()] : (value as unknown[][]);
  return pairs.map(([key, item]) => `${urlQuote(key, true)}=${urlQuote(item, true)}`).join('&');
}

function splitChunks(text: string, breakOnHyphens: boolean): string[] {
  const chunks = text.split(/(\s+)/).filter(Boolean);
  if (!breakOnHyphens) return chunks;
  return chunks.flatMap((chunk) => (/\s/.test(chunk) ? [chunk] : chunk.split(/(?<=[^\s-]-)(?=[^\s-])/)));
}

/** textwrap.wrap with Jinja2's options (no tab expansion, whitespace kept inside lines). */
function wrapLine(text: string, width: number, breakLongWords: boolean, breakOnHyphens: boolean): string[] {
  const chunks = splitChunks(text, breakOnHyphens).reverse();
  const lines: string[] = [];
  while (chunks.length > 0) {
    const line: string[] = [];
    let lineLength = 0;
    if ((chunks.at(-1) ?? '').trim() === '' && lines.length > 0) chunks.pop();
    while (chunks.length > 0 && lineLength + (chunks.at(-1) ?? '').length <= width) {
      const chunk = chunks.pop() ?? '';
      line.push(chunk);
      lineLength += chunk.length;
    }
    const next = chunks.at(-1);
    if (next !== undefined && next.length > width) {
      const spaceLeft = Math.max(width - lineLength, 1);
      if (breakLongWords) {
        let end = spaceLeft;
        const hyphen = next.lastIndexOf('-', spaceLeft - 1);
        if (breakOnHyphens && next.length > spaceLeft && hyphen > 0 && /[^-]/.test(next.slice(0, hyphen))) end = hyphen + 1;
        line.push(next.slice(0, end));
        chunks[chunks.length - 1] = next.slice(end);
      } else if (line.length === 0) {
        line.push(chunks.pop() ?? '');
      }
    }
    if (line.length > 0 && (line.at(-1) ?? '').trim() === '') line.pop();
    if (line.length > 0) lines.push(line.join(''));
  }
  return lines;
}

function wordwrap(value: unknown, call: Parameters<FilterFunction>[1]): string {
  const width = intParam(call, 0, 'width', 79);
  const breakLongWords = Boolean(param(call, 1, 'break_long_words', true));
  const wrapString = param(call, 2, 'wrapstring', null);
  const breakOnHyphens = Boolean(param(call, 3, 'break_on_hyphens', true));
  const separator = wrapString === null ? '\n' : pyStr(wrapString);
  return pySplitLines(pyStr(value))
    .map((line) => wrapLine(line, width, breakLongWords, breakOnHyphens).join(separator))
    .join(separator);
}

function xmlattr(value: unknown, call: Parameters<FilterFunction>[1]): string {
  if (!(value instanceof Map)) return pythonError('TypeError', `'${pyTypeName(value)}' object has no attribute 'items'`);
  const items: string[] = [];
  for (const [key, item] of value) {
    if (item === null || item instanceof UndefinedValue) continue;
    const name = pyStr(key);
    if (/[\s/>=]/.test(name)) pythonError('ValueError', `Invalid character in attribute name: '${name}'`);
    items.push(`${htmlEscape(name)}="${htmlEscape(pyStr(item))}"`);
  }
  const joined = items.join(' ');
  return param(call, 0, 'autospace', true) && joined ? ` ${joined}` : joined;
}

/** `value % args`: on Markup the inserted values are escaped, as in Jinja2. */
function format(value: unknown, call: Parameters<FilterFunction>[1]): unknown {
  if (call.positional.length > 0 && call.keywords.size > 0) {
    pythonError('FilterArgumentError', "can't handle positional and keyword arguments at the same time");
  }
  return modulo(value instanceof Markup ? value : pyStr(value), call.keywords.size > 0 ? call.keywords : makeTuple(call.positional));
}

function replace(value: unknown, call: Parameters<FilterFunction>[1]): string {
  const text = pyStr(value);
  const old = pyStr(param(call, 0, 'old', ''));
  const replacement = pyStr(param(call, 1, 'new', ''));
  const count = param(call, 2, 'count', null);
  let result = '';
  let rest = text;
  let remaining = count === null ? Number.POSITIVE_INFINITY : intParam(call, 2, 'count', -1);
  if (remaining < 0) remaining = Number.POSITIVE_INFINITY;
  checkReplacementSize(text, old, replacement, Number.isFinite(remaining) ? remaining : -1);
  if (old === '') return remaining === Number.POSITIVE_INFINITY ? replacement + codePoints(text).join(replacement) + (text ? replacement : '') : text;
  for (let index = rest.indexOf(old); index !== -1 && remaining > 0; index = rest.indexOf(old), remaining -= 1) {
    result += rest.slice(0, index) + replacement;
    rest = rest.slice(index + old.length);
    currentBudget().checkStringLength(result.length);
  }
  return result + rest;
}

export const TEXT_FILTERS = new Map<string, FilterFunction>([
  ['upper', (value) => pyStr(value).toUpperCase()],
  ['lower', (value) => pyStr(value).toLowerCase()],
  ['title', (value) => titleCase(pyStr(value))],
  ['capitalize', (value) => titleWord(pyStr(value))],
  [
    'trim',
    (value, call) => {
      const chars = param(call, 0, 'chars', null);
      return pyStrip(pyStr(value), chars === null ? null : pyStr(chars));
    },
  ],
  ['replace', replace],
  ['truncate', truncate],
  ['wordcount', (value) => (pyStr(value).match(/[\p{L}\p{N}\p{M}_]+/gu) ?? []).length],
  ['striptags', (value) => stripTags(pyStr(value))],
  ['center', (value, call) => pyCenter(pyStr(value), intParam(call, 0, 'width', 80))],
  ['indent', indent],
  ['urlencode', urlencode],
  ['wordwrap', wordwrap],
  ['xmlattr', xmlattr],
  ['format', format],
  ['escape', markupEscape],
  ['e', markupEscape],
  ['forceescape', (value) => new Markup(htmlEscape(pyStr(value)))],
  ['safe', (value) => (value instanceof Markup ? value : new Markup(pyStr(value)))],
  ['string', (value) => pyStr(value)],
]);
