import { COLLECTION_FILTERS } from './filters-collections';
import { NUMBER_FILTERS } from './filters-numbers';
import { TEXT_FILTERS } from './filters-text';
import { storedArgument } from '../runtime/call-arguments';
import { checkFilterArguments } from './filter-signatures';
import { param } from './filter-support';
import { urlize } from './urlize';
import { type CallArguments, Markup, UndefinedValue, isTruthy, pythonError } from '../python/python-values';

const FILTERS = new Map([...TEXT_FILTERS, ...NUMBER_FILTERS, ...COLLECTION_FILTERS, ['urlize', urlize], ['default', defaultFilter], ['d', defaultFilter]]);

/** Filters that must see an undefined value instead of failing on it (StrictUndefined semantics). */
export const UNDEFINED_TOLERANT_FILTERS = new Set(['default', 'd', 'items']);

/** Filters that handle Markup themselves; the others get its text. */
const MARKUP_AWARE_FILTERS = new Set(['default', 'd', 'escape', 'e', 'forceescape', 'safe', 'format', 'pprint']);

/** Filters Jinja2 builds from Markup-preserving str methods: Markup in, Markup out. */
const MARKUP_PRESERVING_FILTERS = new Set(['upper', 'lower', 'capitalize', 'trim', 'center', 'indent', 'reverse', 'truncate', 'string']);

function defaultFilter(value: unknown, call: CallArguments): unknown {
  const fallback = storedArgument(call, 0, 'default_value', '');
  const boolean = Boolean(param(call, 1, 'boolean', false));
  if (value instanceof UndefinedValue || (boolean && !isTruthy(value))) return fallback;
  return value;
}

export function hasFilter(name: string): boolean {
  return FILTERS.has(name);
}

export function filterNames(): string[] {
  return [...FILTERS.keys()];
}

export function callFilter(name: string, value: unknown, call: CallArguments): unknown {
  const filter = FILTERS.get(name);
  if (!filter) return pythonError('TemplateAssertionError', `No filter named '${name}'.`);
  checkFilterArguments(name, call);
  if (value instanceof UndefinedValue && !UNDEFINED_TOLERANT_FILTERS.has(name)) {
    // The plain Undefined of an inline `if` without `else` acts as an empty string.
    return value.printable ? callFilter(name, '', call) : value.fail();
  }
  if (!(value instanceof Markup) || MARKUP_AWARE_FILTERS.has(name)) return filter(value, call);
  const result = filter(value.text, call);
  return MARKUP_PRESERVING_FILTERS.has(name) && typeof result === 'string' ? new Markup(result) : result;
}
