import { type TemplateNode, childrenOf } from '../parse/template-node';
import { DEFINING_TESTS } from './variable-hints';

/** Resolves an expression to the context path it reads (`user.name`), or null. */
type PathOf = (node: TemplateNode) => string | null;

/** The test an `Is` node applies: `defined` in `x is defined`, `divisibleby` in `x is divisibleby(3)`. */
export function testName(node: TemplateNode): string {
  const test = node.right;
  return String(test?.typename === 'FunCall' ? test.name?.value : test?.value);
}

/** `(x)`: a group of one expression without a trailing comma, which is not a tuple. */
export function isParenthesised(node: TemplateNode): boolean {
  return node.typename === 'Group' && childrenOf(node).length === 1 && !node.trailingComma;
}

/** Paths a true condition proves present: `x`, `x is defined` (or another type test), `not x is undefined`, `a and b`. */
export function guardPaths(condition: TemplateNode | null | undefined, pathOf: PathOf): string[] {
  if (!condition) return [];
  if (condition.typename === 'And') return [...guardPaths(condition.left, pathOf), ...guardPaths(condition.right, pathOf)];
  if (condition.typename === 'Is' && condition.left && DEFINING_TESTS.has(testName(condition))) return guardPaths(condition.left, pathOf);
  if (condition.typename === 'Not') return elseGuardPaths(condition.target, pathOf);
  if (isParenthesised(condition)) return guardPaths(childrenOf(condition)[0], pathOf);
  const path = condition.typename === 'Symbol' || condition.typename === 'LookupVal' ? pathOf(condition) : null;
  return path === null ? [] : [path];
}

/** Paths a false condition proves present (the `else` side): `not x`, `x is undefined`, `a or b`. */
export function elseGuardPaths(condition: TemplateNode | null | undefined, pathOf: PathOf): string[] {
  if (!condition) return [];
  if (condition.typename === 'Or') return [...elseGuardPaths(condition.left, pathOf), ...elseGuardPaths(condition.right, pathOf)];
  if (condition.typename === 'Not') return guardPaths(condition.target, pathOf);
  if (condition.typename === 'Is' && condition.left && testName(condition) === 'undefined') return guardPaths(condition.left, pathOf);
  if (isParenthesised(condition)) return elseGuardPaths(childrenOf(condition)[0], pathOf);
  return [];
}
