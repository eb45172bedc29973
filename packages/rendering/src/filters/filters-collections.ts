import { type FilterFunction, attributeGetter, hashKey, ignoreCase, intParam, multiAttributeGetter, param } from './filter-support';
import { callFilter } from './filters';
import { callTest } from '../runtime/jinja-tests';
import { add, compareValues } from '../python/python-operators';
import { pyStr } from '../python/python-repr';
import { currentBudget } from '../runtime/render-budget';
import { getAttributeOnly } from '../runtime/sandbox-lookup';
import {
  type CallArguments,
  UndefinedValue,
  codePoints,
  ensureDefined,
  isTruthy,
  iterateValue,
  makeGroupTuple,
  makeTuple,
  pyLength,
  pythonError,
} from '../python/python-values';

function items(value: unknown): unknown[] {
  const sequence = iterateValue(value);
  currentBudget().chargeIterations(sequence.length);
  return sequence;
}

function sortBy(sequence: unknown[], key: (item: unknown) => unknown, reverse: boolean): unknown[] {
  const keyed = sequence.map((item) => ({ item, key: key(item) }));
  keyed.sort((a, b) => compareValues(a.key, b.key) * (reverse ? -1 : 1));
  return keyed.map(({ item }) => item);
}

function caseKey(call: CallArguments, index: number): ((value: unknown) => unknown) | null {
  return param(call, index, 'case_sensitive', false) ? null : ignoreCase;
}

function sort(value: unknown, call: CallArguments): unknown[] {
  const reverse = Boolean(param(call, 0, 'reverse', false));
  const key = multiAttributeGetter(param(call, 2, 'attribute', null), caseKey(call, 1));
  return sortBy(items(value), key, reverse);
}

function extreme(direction: 1 | -1, emptyMessage: string): FilterFunction {
  return (value, call) => {
    const sequence = items(value);
    if (sequence.length === 0) return new UndefinedValue('value', emptyMessage);
    const key = attributeGetter(param(call, 1, 'attribute', null), caseKey(call, 0));
    let best = sequence[0];
    let bestKey = key(best);
    for (const item of sequence.slice(1)) {
      const itemKey = key(item);
      if (compareValues(itemKey, bestKey) * direction > 0) [best, bestKey] = [item, itemKey];
    }
    return best;
  };
}

function unique(value: unknown, call: CallArguments): unknown[] {
  const key = attributeGetter(param(call, 1, 'attribute', null), caseKey(call, 0));
  const seen = new Set<string>();
  return items(value).filter((item) => {
    const hash = hashKey(key(item));
    if (seen.has(hash)) return false;
    seen.add(hash);
    return true;
  });
}

function map(value: unknown, call: CallArguments): unknown[] {
  const sequence = items(value);
  if (call.positional.length === 0 && call.keywords.has('attribute')) {
    const getter = attributeGetter(call.keywords.get('attribute'), null, call.keywords.get('default') ?? undefined);
    return sequence.map(getter);
  }
  const [name, ...args] = call.positional;
  const forwarded = { positional: args, keywords: call.keywords };
  return sequence.map((item) => callFilter(pyStr(name), item, forwarded));
}

function selectOrReject(keep: boolean, byAttribute: boolean): FilterFunction {
  return (value, call) => {
    const args = [...call.positional];
    const transform = byAttribute ? attributeGetter(args.shift()) : (item: unknown) => item;
    const testName = args.shift();
    const forwarded = { positional: args, keywords: call.keywords };
    const check = testName === undefined ? isTruthy : (item: unknown) => callTest(pyStr(testName), item, forwarded);
    return items(value).filter((item) => check(transform(item)) === keep);
  };
}

function groupby(value: unknown, call: CallArguments): unknown[] {
  const attribute = param(call, 0, 'attribute', null);
  const fallback = param(call, 1, 'default', null) ?? undefined;
  const caseSensitive = Boolean(param(call, 2, 'case_sensitive', false));
  const key = attributeGetter(attribute, caseSensitive ? null : ignoreCase, fallback);
  const displayKey = attributeGetter(attribute, null, fallback);
  const groups: unknown[] = [];
  let current: { key: unknown; members: unknown[] } | null = null;
  for (const item of sortBy(items(value), key, false)) {
    const itemKey = key(item);
    if (current && compareValues(current.key, itemKey) === 0) current.members.push(item);
    else {
      current = { key: itemKey, members: [item] };
      groups.push(current);
    }
  }
  return (groups as { members: unknown[] }[]).map(({ members }) => makeGroupTuple(displayKey(members[0]), members));
}

function dictsort(value: unknown, call: CallArguments): unknown[] {
  if (!(value instanceof Map)) return pythonError('TypeError', 'dictsort expects a mapping');
  const by = param(call, 1, 'by', 'key');
  if (by !== 'key' && by !== 'value') pythonError('FilterArgumentError', 'You can only sort by either "key" or "value"');
  const position = by === 'key' ? 0 : 1;
  const postprocess = caseKey(call, 0) ?? ((entry: unknown) => entry);
  const entries = [...value.entries()].map((entry) => makeTuple(entry));
  return sortBy(entries, (entry) => postprocess((entry as unknown[])[position]), Boolean(param(call, 2, 'reverse', false)));
}

function batch(value: unknown, call: CallArguments): unknown[][] {
  const size = intParam(call, 0, 'linecount', 1);
  if (size <= 0) pythonError('ValueError', 'batch size must be positive');
  const fill = param(call, 1, 'fill_with', null);
  const sequence = items(value);
  const batches: unknown[][] = [];
  for (let start = 0; start < sequence.length; start += size) batches.push(sequence.slice(start, start + size));
  const last = batches.at(-1);
  if (fill !== null && last) while (last.length < size) last.push(fill);
  return batches;
}

function slice(value: unknown, call: CallArguments): unknown[][] {
  const slices = intParam(call, 0, 'slices', 1);
  const fill = param(call, 1, 'fill_with', null);
  const sequence = items(value);
  currentBudget().chargeIterations(Math.max(slices, 0));
  const perSlice = Math.floor(sequence.length / slices);
  const withExtra = sequence.length % slices;
  const result: unknown[][] = [];
  let offset = 0;
  for (let sliceNumber = 0; sliceNumber < slices; sliceNumber += 1) {
    const start = offset + sliceNumber * perSlice;
    if (sliceNumber < withExtra) offset += 1;
    const chunk = sequence.slice(start, offset + (sliceNumber + 1) * perSlice);
    if (fill !== null && sliceNumber >= withExtra) chunk.push(fill);
    result.push(chunk);
  }
  return result;
}

function join(value: unknown, call: CallArguments): string {
  const separator = pyStr(param(call, 0, 'd', ''));
  const getter = attributeGetter(param(call, 1, 'attribute', null));
  const joined = items(value)
    .map((item) => pyStr(getter(item)))
    .join(separator);
  currentBudget().checkStringLength(joined.length);
  return joined;
}

function sum(value: unknown, call: CallArguments): unknown {
  const getter = attributeGetter(param(call, 0, 'attribute', null));
  return items(value).reduce((total, item) => add(total, getter(item)), param(call, 1, 'start', 0));
}

function reverse(value: unknown): unknown {
  ensureDefined(value);
  if (typeof value === 'string') return codePoints(value).reverse().join('');
  return [...items(value)].reverse();
}

export const COLLECTION_FILTERS = new Map<string, FilterFunction>([
  ['join', join],
  ['length', (value) => pyLength(value)],
  ['count', (value) => pyLength(value)],
  [
    'first',
    (value) => {
      const sequence = items(value);
      return sequence.length > 0 ? sequence[0] : new UndefinedValue('value', 'No first item, sequence was empty.');
    },
  ],
  [
    'last',
    (value) => {
      const sequence = items(value);
      return sequence.length > 0 ? sequence.at(-1) : new UndefinedValue('value', 'No last item, sequence was empty.');
    },
  ],
  ['sort', sort],
  ['reverse', reverse],
  ['batch', batch],
  ['slice', slice],
  ['sum', sum],
  ['min', extreme(-1, 'No aggregated item, sequence was empty.')],
  ['max', extreme(1, 'No aggregated item, sequence was empty.')],
  ['unique', unique],
  ['map', map],
  ['select', selectOrReject(true, false)],
  ['reject', selectOrReject(false, false)],
  ['selectattr', selectOrReject(true, true)],
  ['rejectattr', selectOrReject(false, true)],
  ['groupby', groupby],
  ['dictsort', dictsort],
  ['list', (value) => [...items(value)]],
  [
    'items',
    (value) => {
      if (value instanceof UndefinedValue) return [];
      if (!(value instanceof Map)) return pythonError('FilterArgumentError', 'Can only get item pairs from a mapping.');
      return [...value.entries()].map((entry) => makeTuple(entry));
    },
  ],
  ['attr', (value, call) => getAttributeOnly(value, param(call, 0, 'name', ''))],
]);
