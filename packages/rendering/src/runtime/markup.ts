import { lookupMethod } from '../python/python-methods';
import { pyStr } from '../python/python-repr';
import { currentBudget } from './render-budget';
import { Markup, TemplateCallable, isTuple, makeTuple } from '../python/python-values';

/*
 * markupsafe's Markup semantics, which Jinja2 applies even with autoescaping off: combining
 * Markup with a plain string escapes the plain string. `"<b>" + x|tojson` gives `&lt;b&gt;...`;
 * `~`, `join` and printing do not escape (Jinja2 uses plain str joins without autoescape).
 */

export function htmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');
}

/** markupsafe.escape: Markup stays as it is; anything else is printed and escaped. */
export function markupEscape(value: unknown): Markup {
  return value instanceof Markup ? value : new Markup(htmlEscape(pyStr(value)));
}

/** Markup's `+`: the other side must be a str (escaped) or Markup; undefined when it is neither. */
export function markupAdd(left: unknown, right: unknown): Markup | undefined {
  const isText = (value: unknown) => typeof value === 'string' || value instanceof Markup;
  if (!isText(left) || !isText(right)) return undefined;
  const text = markupEscape(left).text + markupEscape(right).text;
  currentBudget().checkStringLength(text.length);
  return new Markup(text);
}

/** Arguments to a Markup method: plain strings are escaped first, as markupsafe does. */
function escapeArgument(value: unknown): unknown {
  if (typeof value === 'string') return htmlEscape(value);
  if (value instanceof Markup) return value.text;
  if (Array.isArray(value)) {
    const items = value.map((item) => (typeof item === 'string' || item instanceof Markup ? markupEscape(item).text : item));
    return isTuple(value) ? makeTuple(items) : items;
  }
  return value;
}

function wrapResult(value: unknown): unknown {
  if (typeof value === 'string') return new Markup(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    const items = value.map((item) => new Markup(item as string));
    return isTuple(value) ? makeTuple(items) : items;
  }
  return value;
}

/** str methods on Markup: arguments escaped, string results (and lists of them) stay Markup. */
export function lookupMarkupMethod(target: Markup, name: string): TemplateCallable | undefined {
  const method = lookupMethod(target.text, name);
  if (!method) return undefined;
  return new TemplateCallable(name, ({ positional, keywords }) =>
    wrapResult(
      method.invoke({
        positional: positional.map(escapeArgument),
        keywords: new Map([...keywords].map(([key, value]) => [key, escapeArgument(value)])),
      }),
    ),
  );
}
