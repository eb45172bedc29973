import { htmlEscape, markupAdd } from '../runtime/markup';
import { formatPercent } from './python-format';
import { pyStr } from './python-repr';
import { currentBudget } from '../runtime/render-budget';
import {
  Markup,
  dictKey,
  ensureDefined,
  isFloat,
  isNumeric,
  isTuple,
  makeFloat,
  makeTuple,
  numericValue,
  pyEquals,
  pyTypeName,
  pythonError,
  unwrapMarkup,
} from './python-values';

function unsupported(symbol: string, left: unknown, right: unknown): never {
  return pythonError('TypeError', `unsupported operand type(s) for ${symbol}: '${pyTypeName(left)}' and '${pyTypeName(right)}'`);
}

function numericResult(left: unknown, right: unknown, result: number): unknown {
  return isFloat(left) || isFloat(right) ? makeFloat(result) : result;
}

function checkedString(text: string): string {
  currentBudget().checkStringLength(text.length);
  return text;
}

function repeat(sequence: string | unknown[], times: number): string | unknown[] {
  const count = Math.max(0, times);
  currentBudget().checkStringLength(sequence.length * count);
  if (typeof sequence === 'string') return sequence.repeat(count);
  const repeated = Array.from({ length: count }, () => sequence).flat();
  return isTuple(sequence) ? makeTuple(repeated) : repeated;
}

export function add(left: unknown, right: unknown): unknown {
  ensureDefined(left);
  ensureDefined(right);
  if (left instanceof Markup || right instanceof Markup) return markupAdd(left, right) ?? unsupported('+', left, right);
  if (isNumeric(left) && isNumeric(right)) return numericResult(left, right, numericValue(left) + numericValue(right));
  if (typeof left === 'string' && typeof right === 'string') return checkedString(left + right);
  if (Array.isArray(left) && Array.isArray(right) && isTuple(left) === isTuple(right)) {
    currentBudget().checkStringLength(left.length + right.length);
    return isTuple(left) ? makeTuple([...left, ...right]) : [...left, ...right];
  }
  return unsupported('+', left, right);
}

export function subtract(left: unknown, right: unknown): unknown {
  ensureDefined(left);
  ensureDefined(right);
  if (!isNumeric(left) || !isNumeric(right)) unsupported('-', left, right);
  return numericResult(left, right, numericValue(left) - numericValue(right));
}

export function multiply(left: unknown, right: unknown): unknown {
  ensureDefined(left);
  ensureDefined(right);
  if (left instanceof Markup || right instanceof Markup) {
    const [markup, times] = left instanceof Markup ? [left, right] : [right as Markup, left];
    if (!isNumeric(times) || isFloat(times)) unsupported('*', left, right);
    return new Markup(repeat(markup.text, numericValue(times)) as string);
  }
  if (isNumeric(left) && isNumeric(right)) return numericResult(left, right, numericValue(left) * numericValue(right));
  const isCount = (value: unknown) => isNumeric(value) && !isFloat(value);
  if ((typeof left === 'string' || Array.isArray(left)) && isCount(right)) return repeat(left, numericValue(right));
  if ((typeof right === 'string' || Array.isArray(right)) && isCount(left)) return repeat(right, numericValue(left));
  return unsupported('*', left, right);
}

function numericOperands(symbol: string, left: unknown, right: unknown): [number, number] {
  ensureDefined(left);
  ensureDefined(right);
  if (!isNumeric(left) || !isNumeric(right)) unsupported(symbol, left, right);
  return [numericValue(left), numericValue(right)];
}

export function divide(left: unknown, right: unknown): unknown {
  const [dividend, divisor] = numericOperands('/', left, right);
  if (divisor === 0) pythonError('ZeroDivisionError', 'division by zero');
  return makeFloat(dividend / divisor);
}

export function floorDivide(left: unknown, right: unknown): unknown {
  const [dividend, divisor] = numericOperands('//', left, right);
  if (divisor === 0) pythonError('ZeroDivisionError', 'integer division or modulo by zero');
  return numericResult(left, right, Math.floor(dividend / divisor));
}

export function modulo(left: unknown, right: unknown): unknown {
  if (typeof left === 'string') return checkedString(formatPercent(left, right));
  if (left instanceof Markup) return new Markup(checkedString(formatPercent(left.text, right, htmlEscape)));
  const [dividend, divisor] = numericOperands('%', left, right);
  if (divisor === 0) pythonError('ZeroDivisionError', 'integer division or modulo by zero');
  const remainder = dividend % divisor;
  const pythonRemainder = remainder !== 0 && remainder < 0 !== divisor < 0 ? remainder + divisor : remainder;
  return numericResult(left, right, pythonRemainder);
}

export function power(left: unknown, right: unknown): unknown {
  const [base, exponent] = numericOperands('**', left, right);
  if (base === 0 && exponent < 0) pythonError('ZeroDivisionError', '0.0 cannot be raised to a negative power');
  const result = base ** exponent;
  if (!isFloat(left) && !isFloat(right) && exponent >= 0) {
    if (!Number.isFinite(result)) pythonError('OverflowError', 'integer result too large');
    return result;
  }
  return makeFloat(result);
}

export function negate(value: unknown): unknown {
  ensureDefined(value);
  if (!isNumeric(value)) pythonError('TypeError', `bad operand type for unary -: '${pyTypeName(value)}'`);
  return numericResult(value, 0, -numericValue(value));
}

export function plus(value: unknown): unknown {
  ensureDefined(value);
  if (!isNumeric(value)) pythonError('TypeError', `bad operand type for unary +: '${pyTypeName(value)}'`);
  return typeof value === 'boolean' ? numericValue(value) : value;
}

/** `~`: both sides converted with str() and joined. */
export function concat(left: unknown, right: unknown): string {
  return checkedString(pyStr(left) + pyStr(right));
}

/** Python ordering (`<`): numbers with numbers, strings with strings, sequences lexicographically. */
export function compareValues(leftValue: unknown, rightValue: unknown, symbol = '<'): number {
  const left = unwrapMarkup(ensureDefined(leftValue));
  const right = unwrapMarkup(ensureDefined(rightValue));
  if (isNumeric(left) && isNumeric(right)) return Math.sign(numericValue(left) - numericValue(right));
  if (typeof left === 'string' && typeof right === 'string') return left < right ? -1 : left > right ? 1 : 0;
  if (Array.isArray(left) && Array.isArray(right) && isTuple(left) === isTuple(right)) {
    for (let index = 0; index < Math.min(left.length, right.length); index += 1) {
      if (!pyEquals(left[index], right[index])) return compareValues(left[index], right[index], symbol);
    }
    return Math.sign(left.length - right.length);
  }
  return pythonError('TypeError', `'${symbol}' not supported between instances of '${pyTypeName(left)}' and '${pyTypeName(right)}'`);
}

export function compareWith(operator: string, left: unknown, right: unknown): boolean {
  switch (operator) {
    case '==':
    case '===':
      return pyEquals(left, right);
    case '!=':
    case '!==':
      return !pyEquals(left, right);
    case '<':
      return compareValues(left, right, operator) < 0;
    case '>':
      return compareValues(left, right, operator) > 0;
    case '<=':
      return compareValues(left, right, operator) <= 0;
    case '>=':
      return compareValues(left, right, operator) >= 0;
    default:
      return pythonError('TemplateSyntaxError', `unknown comparison operator ${operator}`);
  }
}

/** Python's `item in container`. */
export function contains(containerValue: unknown, itemValue: unknown): boolean {
  const container = unwrapMarkup(ensureDefined(containerValue));
  const item = unwrapMarkup(ensureDefined(itemValue));
  if (typeof container === 'string') {
    if (typeof item !== 'string') {
      pythonError('TypeError', `'in <string>' requires string as left operand, not ${pyTypeName(item)}`);
    }
    return container.includes(item);
  }
  if (Array.isArray(container)) return container.some((element) => pyEquals(element, item));
  if (container instanceof Map) return container.has(dictKey(item));
  return pythonError('TypeError', `argument of type '${pyTypeName(container)}' is not iterable`);
}
