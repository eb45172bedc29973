import { COLLECTION_FILTERS } from './filters-collections';
import { NUMBER_FILTERS } from './filters-numbers';
import { TEXT_FILTERS } from './filters-text';
import { param } from './filter-support';
import { type CallArguments, UndefinedValue, isTruthy, pythonError } from './python-values';

const FILTERS = new Map([
  ...TEXT_FILTERS,
  ...NUMBER_FILTERS,
  ...COLLECTION_FILTERS,
  ['default', defaultFilter],
  ['d', defaultFilter],
]);

/** Filters that must see an undefined value instead of failing on it (StrictUndefined semantics). */
export const UNDEFINED_TOLERANT_FILTERS = new Set(['default', 'd', 'items']);

function defaultFilter(value: unknown, call: CallArguments): unknown {
  const fallback = param(call, 0, 'default_value', '');
  const boolean = Boolean(param(call, 1, 'boolean', false));
  if (value instanceof UndefinedValue || (boolean && !isTruthy(value))) return fallback;
  return value;
}

export function hasFilter(name: string): boolean {
  return FILTERS.has(name);
}

export function callFilter(name: string, value: unknown, call: CallArguments): unknown {
  const filter = FILTERS.get(name);
  if (!filter) return pythonError('TemplateAssertionError', `No filter named '${name}'.`);
  if (value instanceof UndefinedValue && !UNDEFINED_TOLERANT_FILTERS.has(name)) value.fail();
  return filter(value, call);
}
