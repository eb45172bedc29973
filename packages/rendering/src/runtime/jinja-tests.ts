import { hasFilter } from '../filters/filters';
import { compareValues, contains } from '../python/python-operators';
import { argument } from './call-arguments';
import { pyStr } from '../python/python-repr';
import {
  type CallArguments,
  Markup,
  PyFloat,
  TemplateCallable,
  UndefinedValue,
  ensureDefined,
  isFloat,
  isInt,
  isNumeric,
  numericValue,
  pyEquals,
  pythonError,
  unwrapMarkup,
} from '../python/python-values';

type TestFunction = (value: unknown, call: CallArguments) => boolean;

const other = (call: CallArguments) => argument(call, 0, 'other', null);

function integerValue(value: unknown): number {
  ensureDefined(value);
  if (!isNumeric(value) || isFloat(value)) pythonError('TypeError', 'test expects an integer');
  return numericValue(value);
}

const TESTS: Map<string, TestFunction> = new Map<string, TestFunction>([
  ['defined', (value) => !(value instanceof UndefinedValue)],
  ['undefined', (value) => value instanceof UndefinedValue],
  ['none', (value) => value === null],
  ['boolean', (value) => typeof value === 'boolean'],
  ['true', (value) => value === true],
  ['false', (value) => value === false],
  ['integer', (value) => isInt(value)],
  ['float', (value) => isFloat(value)],
  ['number', (value) => isNumeric(value)],
  ['string', (value) => typeof value === 'string'],
  ['mapping', (value) => value instanceof Map],
  ['sequence', (value) => typeof value === 'string' || Array.isArray(value) || value instanceof Map],
  ['iterable', (value) => typeof value === 'string' || Array.isArray(value) || value instanceof Map],
  ['callable', (value) => value instanceof TemplateCallable || value instanceof UndefinedValue],
  ['escaped', (value) => value instanceof Markup],
  ['odd', (value) => Math.abs(integerValue(value) % 2) === 1],
  ['even', (value) => integerValue(value) % 2 === 0],
  ['divisibleby', (value, call) => numericValue(ensureDefined(value)) % numericValue(argument(call, 0, 'num', 1)) === 0],
  [
    'lower',
    (value) => {
      const text = pyStr(ensureDefined(value));
      return /\p{Ll}/u.test(text) && !/\p{Lu}|\p{Lt}/u.test(text);
    },
  ],
  [
    'upper',
    (value) => {
      const text = pyStr(ensureDefined(value));
      return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
    },
  ],
  [
    'sameas',
    (value, call) => {
      const candidate = other(call);
      if (isNumeric(value) && isNumeric(candidate))
        return typeof value === typeof candidate && numericValue(value) === numericValue(candidate) && !(value instanceof PyFloat);
      return value === candidate;
    },
  ],
  ['in', (value, call) => contains(argument(call, 0, 'seq', null), value)],
  ['filter', (value) => typeof value === 'string' && hasFilter(value)],
  ['test', (value) => typeof value === 'string' && TESTS.has(value)],
]);

const COMPARISON_TESTS: [string[], (order: number) => boolean][] = [
  [['eq', 'equalto', '=='], (order) => order === 0],
  [['ne', '!='], (order) => order !== 0],
  [['lt', 'lessthan', '<'], (order) => order < 0],
  [['le', '<='], (order) => order <= 0],
  [['gt', 'greaterthan', '>'], (order) => order > 0],
  [['ge', '>='], (order) => order >= 0],
];

for (const [names, accept] of COMPARISON_TESTS) {
  const equality = names[0] === 'eq' || names[0] === 'ne';
  const test: TestFunction = (value, call) => {
    const order = equality ? (pyEquals(value, other(call)) ? 0 : 1) : compareValues(value, other(call));
    return accept(order);
  };
  for (const name of names) TESTS.set(name, test);
}

/**
 * Tests that inspect an undefined value rather than failing on it (Jinja2's type checks never
 * touch the value; an undefined value is even `callable`). Variable extraction counts their
 * subjects as guarded.
 */
export const UNDEFINED_TOLERANT_TESTS = new Set([
  'defined',
  'undefined',
  'none',
  'boolean',
  'true',
  'false',
  'integer',
  'float',
  'number',
  'string',
  'mapping',
  'sequence',
  'callable',
  'escaped',
  'sameas',
]);

export function hasTest(name: string): boolean {
  return TESTS.has(name);
}

export function callTest(name: string, value: unknown, call: CallArguments): boolean {
  const test = TESTS.get(name);
  if (!test) return pythonError('TemplateAssertionError', `No test named '${name}'.`);
  if (value instanceof UndefinedValue && !UNDEFINED_TOLERANT_TESTS.has(name)) value.fail();
  return test(name === 'escaped' ? value : unwrapMarkup(value), call);
}
