import { type FilterFunction, intParam, param } from './filter-support';
import { htmlEscape } from '../runtime/markup';
import { pyRepr, pyStr } from '../python/python-repr';
import { currentBudget } from '../runtime/render-budget';
import { iterateValue, pythonError } from '../python/python-values';

/*
 * Jinja2's urlize (jinja2/utils.py) with the default policies (`rel="noopener"`, no target, no
 * extra schemes). Jinja2 strips leading/trailing punctuation and checks e-mail addresses with
 * backtracking regexes; here those are index scans, so a hostile word stays linear.
 */

const WORD = /\p{L}|\p{N}|_/u;
// No nested ambiguity: each repeated group ends with a literal dot, so matching stays linear.
const HTTP_URL = new RegExp(
  '^(?:(?:https?://|www\\.)(?:[\\p{L}\\p{N}_%-]+\\.)*(?:[a-z]{2,63}|xn--[\\p{L}\\p{N}_%]{2,59})' +
    '|(?:[\\p{L}\\p{N}_%-]{2,63}\\.)+(?:com|net|int|edu|gov|org|info|mil)' +
    '|https?://(?:\\d{1,3}(?:\\.\\d{1,3}){3}|\\[(?:[\\da-f]{0,4}:){2}(?:[\\da-f]{0,4}:?){1,6}\\]))' +
    '(?::\\d{1,5})?(?:[/?#]\\S*)?$',
  'iu',
);
const URI_SCHEME = /^[\p{L}\p{N}_.+-]{2,}:\/{0,2}$/u;
const LEADING = ['(', '<', '&lt;'];
const TRAILING = [')', '>', '.', ',', '\n', '&gt;'];

function isWordChar(char: string): boolean {
  return WORD.test(char);
}

/** `^\S+@\w[\w.-]*\.\w+$` without backtracking: the domain follows the last `@`, its suffix the last dot. */
function isEmail(text: string): boolean {
  if (/\s/.test(text)) return false;
  const at = text.lastIndexOf('@');
  const domain = text.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  if (at < 1 || dot < 1 || dot === domain.length - 1 || !isWordChar(domain.charAt(0))) return false;
  return [...domain].every((char) => char === '.' || char === '-' || isWordChar(char)) && ![...domain.slice(dot + 1)].some((char) => !isWordChar(char));
}

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

/** Jinja2's head/middle/tail split: leading `(`/`<`, trailing `)>.,` and newlines, parentheses rebalanced. */
function splitPunctuation(word: string): [string, string, string] {
  let start = 0;
  for (let lead = LEADING.find((token) => word.startsWith(token, start)); lead; lead = LEADING.find((token) => word.startsWith(token, start))) {
    start += lead.length;
  }
  let end = word.length;
  const trailingAt = (position: number) => TRAILING.find((token) => position - token.length >= start && word.endsWith(token, position));
  for (let trail = trailingAt(end); trail; trail = trailingAt(end)) end -= trail.length;
  let [middle, tail] = [word.slice(start, end), word.slice(end)];
  // Prefer balancing parentheses in URLs instead of ignoring a trailing character.
  for (const [open, close] of [
    ['(', ')'],
    ['<', '>'],
    ['&lt;', '&gt;'],
  ] as const) {
    const opened = count(middle, open);
    if (opened <= count(middle, close)) continue;
    let cut = 0;
    for (let moves = Math.min(opened, count(tail, close)); moves > 0; moves -= 1) cut = tail.indexOf(close, cut) + close.length;
    middle += tail.slice(0, cut);
    tail = tail.slice(cut);
  }
  return [word.slice(0, start), middle, tail];
}

function link(middle: string, attributes: string, trimLimit: number | null, extraSchemes: string[]): string {
  const shown = trimLimit !== null && middle.length > trimLimit ? `${middle.slice(0, trimLimit)}...` : middle;
  if (HTTP_URL.test(middle)) {
    const href = middle.startsWith('https://') || middle.startsWith('http://') ? middle : `https://${middle}`;
    return `<a href="${href}"${attributes}>${shown}</a>`;
  }
  if (middle.startsWith('mailto:') && isEmail(middle.slice(7))) return `<a href="${middle}">${middle.slice(7)}</a>`;
  if (middle.includes('@') && !middle.startsWith('www.') && !middle.startsWith('@') && !middle.includes(':') && isEmail(middle)) {
    return `<a href="mailto:${middle}">${middle}</a>`;
  }
  for (const scheme of extraSchemes) {
    if (middle !== scheme && middle.startsWith(scheme)) return `<a href="${middle}"${attributes}>${middle}</a>`;
  }
  return middle;
}

export const urlize: FilterFunction = (value, call) => {
  const trimLimit = param(call, 0, 'trim_url_limit', null) === null ? null : intParam(call, 0, 'trim_url_limit', 0);
  const rel = new Set(
    pyStr(param(call, 3, 'rel', '') ?? '')
      .split(/\s+/)
      .filter(Boolean),
  );
  if (param(call, 1, 'nofollow', false)) rel.add('nofollow');
  rel.add('noopener');
  const target = param(call, 2, 'target', null);
  const schemesParam = param(call, 4, 'extra_schemes', null);
  const extraSchemes = schemesParam === null ? [] : iterateValue(schemesParam).map(pyStr);
  for (const scheme of extraSchemes) {
    if (!URI_SCHEME.test(scheme)) pythonError('FilterArgumentError', `${pyRepr(scheme)} is not a valid URI scheme prefix.`);
  }
  const attributes = ` rel="${htmlEscape([...rel].sort().join(' '))}"${target ? ` target="${htmlEscape(pyStr(target))}"` : ''}`;
  const words = htmlEscape(pyStr(value)).split(/(\s+)/);
  currentBudget().chargeIterations(words.length);
  const result = words
    .map((word) => {
      const [head, middle, tail] = splitPunctuation(word);
      return head + link(middle, attributes, trimLimit, extraSchemes) + tail;
    })
    .join('');
  currentBudget().checkStringLength(result.length);
  return result;
};
