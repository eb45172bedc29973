import { type Method, argument, storedArgument } from '../runtime/call-arguments';
import { compareValues } from './python-operators';
import { pyRepr } from './python-repr';
import { currentBudget } from '../runtime/render-budget';
import {
  type CallArguments,
  TemplateCallable,
  assertHashable,
  dictKey,
  isInt,
  isTuple,
  iterateValue,
  makeTuple,
  numericValue,
  pyEquals,
  pyTypeName,
  pythonError,
} from './python-values';

/*
 * list and dict methods, including the mutating ones Jinja2's SandboxedEnvironment allows
 * (`append`, `extend`, `update`, `setdefault`, ...). Work proportional to a container's size is
 * charged as loop iterations and growth is capped, so a loop that keeps appending or doubling a
 * list hits a sandbox limit instead of exhausting memory.
 */

/** Charges `count` units of work and fails if the container would exceed the size limit. */
function grow(container: unknown[] | Map<unknown, unknown>, added: number): void {
  const budget = currentBudget();
  budget.chargeIterations(added);
  budget.checkContainerSize((Array.isArray(container) ? container.length : container.size) + added);
}

function scan<T extends unknown[] | Map<unknown, unknown>>(container: T): T {
  currentBudget().chargeIterations(Array.isArray(container) ? container.length : container.size);
  return container;
}

function indexArgument(value: unknown, method: string): number {
  if (!isInt(value) && typeof value !== 'boolean') pythonError('TypeError', `'${pyTypeName(value)}' object cannot be interpreted as an integer (${method})`);
  return numericValue(value);
}

function find(list: unknown[], wanted: unknown): number {
  return scan(list).findIndex((item) => pyEquals(item, wanted));
}

function sortList(list: unknown[], call: CallArguments): null {
  if (call.positional.length > 0) pythonError('TypeError', 'sort() takes no positional arguments');
  const key = call.keywords.get('key') ?? null;
  if (key !== null && !(key instanceof TemplateCallable)) pythonError('TypeError', `'${pyTypeName(key)}' object is not callable`);
  const keyOf = (item: unknown) => (key ? key.invoke({ positional: [item], keywords: new Map() }) : item);
  const keyed = scan(list).map((item) => ({ item, key: keyOf(item) }));
  keyed.sort((a, b) => compareValues(a.key, b.key));
  if (call.keywords.get('reverse')) keyed.reverse();
  keyed.forEach(({ item }, index) => {
    list[index] = item;
  });
  return null;
}

const SHARED_SEQUENCE_METHODS: [string, Method<unknown[]>][] = [
  [
    'count',
    (list, call) => {
      const wanted = argument(call, 0, 'value', null);
      return scan(list).filter((item) => pyEquals(item, wanted)).length;
    },
  ],
  [
    'index',
    (list, call) => {
      const wanted = argument(call, 0, 'value', null);
      const found = find(list, wanted);
      return found === -1 ? pythonError('ValueError', `${pyRepr(wanted)} is not in ${isTuple(list) ? 'tuple' : 'list'}`) : found;
    },
  ],
];

export const TUPLE_METHODS = new Map<string, Method<unknown[]>>(SHARED_SEQUENCE_METHODS);

export const LIST_METHODS = new Map<string, Method<unknown[]>>([
  ...SHARED_SEQUENCE_METHODS,
  [
    'append',
    (list, call) => {
      grow(list, 1);
      list.push(storedArgument(call, 0, 'object', null));
      return null;
    },
  ],
  [
    'extend',
    (list, call) => {
      // Copied first: `xs.extend(xs)` must add each item once.
      const items = [...iterateValue(argument(call, 0, 'iterable', null))];
      grow(list, items.length);
      for (const item of items) list.push(item);
      return null;
    },
  ],
  [
    'insert',
    (list, call) => {
      const requested = indexArgument(argument(call, 0, 'index', 0), 'insert');
      const index = requested < 0 ? Math.max(0, list.length + requested) : Math.min(requested, list.length);
      // Inserting shifts every later item: charged, so a loop inserting at the front stays bounded.
      currentBudget().chargeIterations(list.length - index);
      grow(list, 1);
      list.splice(index, 0, storedArgument(call, 1, 'object', null));
      return null;
    },
  ],
  [
    'pop',
    (list, call) => {
      if (list.length === 0) pythonError('IndexError', 'pop from empty list');
      const requested = indexArgument(argument(call, 0, 'index', -1), 'pop');
      const index = requested < 0 ? list.length + requested : requested;
      if (index < 0 || index >= list.length) pythonError('IndexError', 'pop index out of range');
      currentBudget().chargeIterations(list.length - index);
      return list.splice(index, 1)[0];
    },
  ],
  [
    'remove',
    (list, call) => {
      const index = find(list, argument(call, 0, 'value', null));
      if (index === -1) pythonError('ValueError', 'list.remove(x): x not in list');
      list.splice(index, 1);
      return null;
    },
  ],
  [
    'clear',
    (list) => {
      list.length = 0;
      return null;
    },
  ],
  [
    'reverse',
    (list) => {
      scan(list).reverse();
      return null;
    },
  ],
  ['sort', sortList],
  ['copy', (list) => [...scan(list)]],
]);

/** Pairs for `dict.update`/`dict()`: a mapping's entries or an iterable of two-item sequences. */
function entriesOf(source: unknown): [unknown, unknown][] {
  if (source instanceof Map) return [...scan(source).entries()];
  return iterateValue(source).map((pair, index) => {
    const items = iterateValue(pair);
    if (items.length !== 2) {
      pythonError('ValueError', `dictionary update sequence element #${index} has length ${items.length}; 2 is required`);
    }
    return [items[0], items[1]];
  });
}

export const DICT_METHODS = new Map<string, Method<Map<unknown, unknown>>>([
  ['items', (d) => [...scan(d).entries()].map((entry) => makeTuple(entry))],
  ['keys', (d) => [...scan(d).keys()]],
  ['values', (d) => [...scan(d).values()]],
  [
    'get',
    (d, call) => {
      const key = dictKey(argument(call, 0, 'key', null));
      return d.has(key) ? d.get(key) : storedArgument(call, 1, 'default', null);
    },
  ],
  ['copy', (d) => new Map(scan(d))],
  [
    'update',
    (d, call) => {
      const entries = call.positional.length > 0 ? entriesOf(argument(call, 0, 'other', null)) : [];
      entries.push(...call.keywords);
      grow(d, entries.length);
      for (const [key, value] of entries) d.set(dictKey(assertHashable(key)), value);
      return null;
    },
  ],
  [
    'setdefault',
    (d, call) => {
      const key = dictKey(assertHashable(argument(call, 0, 'key', null)));
      if (d.has(key)) return d.get(key);
      const value = storedArgument(call, 1, 'default', null);
      grow(d, 1);
      d.set(key, value);
      return value;
    },
  ],
  [
    'pop',
    (d, call) => {
      const requested = argument(call, 0, 'key', null);
      const key = dictKey(requested);
      if (d.has(key)) {
        const value = d.get(key);
        d.delete(key);
        return value;
      }
      return call.positional.length > 1 ? storedArgument(call, 1, 'default', null) : pythonError('KeyError', pyRepr(requested));
    },
  ],
  [
    'popitem',
    (d) => {
      const last = [...scan(d).keys()].at(-1);
      if (d.size === 0) return pythonError('KeyError', "'popitem(): dictionary is empty'");
      const value = d.get(last);
      d.delete(last);
      return makeTuple([last, value]);
    },
  ],
  [
    'clear',
    (d) => {
      d.clear();
      return null;
    },
  ],
]);
