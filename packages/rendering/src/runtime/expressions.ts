import { callFilter } from '../filters/filters';
import { callTest } from './jinja-tests';
import { LoopContext } from './loop-context';
import * as operators from '../python/python-operators';
import { currentBudget } from './render-budget';
import { getAttribute, getItem } from './sandbox-lookup';
import type { Scope } from './render-scope';
import { type TemplateNode, childrenOf } from '../parse/template-node';
import {
  type CallArguments,
  MISSING,
  SliceValue,
  TemplateCallable,
  UndefinedValue,
  assertHashable,
  ensureDefined,
  isTruthy,
  iterateValue,
  makeTuple,
  pyTypeName,
  pythonError,
  undefinedVariable,
} from '../python/python-values';

/** What expressions need from the statement interpreter: rendering bodies and building callables. */
export interface StatementRunner {
  renderBody(body: TemplateNode | null | undefined, scope: Scope): string;
  makeCaller(node: TemplateNode, scope: Scope): TemplateCallable;
  lookupGlobal(name: string): unknown;
}

const CONSTANTS = new Map<string, unknown>([
  ['True', true],
  ['False', false],
  ['None', null],
]);

type BinaryOperator = (left: unknown, right: unknown) => unknown;

const BINARY_OPERATORS: Record<string, BinaryOperator> = {
  Add: operators.add,
  Sub: operators.subtract,
  Mul: operators.multiply,
  Div: operators.divide,
  FloorDiv: operators.floorDivide,
  Mod: operators.modulo,
  Pow: operators.power,
  Concat: operators.concat,
};

/** A readable name for undefined-variable errors: `user.name`, `items[0]`. */
export function describePath(node: TemplateNode | undefined): string {
  if (!node) return '?';
  if (node.typename === 'Symbol') return String(node.value);
  if (node.typename === 'LookupVal') {
    const key = node.val?.typename === 'Literal' ? node.val.value : undefined;
    if (node.dotted) return `${describePath(node.target)}.${String(key)}`;
    return `${describePath(node.target)}[${key === undefined ? '…' : JSON.stringify(key)}]`;
  }
  return node.typename;
}

function addKeyword(keywords: Map<string, unknown>, name: string, value: unknown): void {
  if (keywords.has(name)) pythonError('TypeError', `got multiple values for keyword argument '${name}'`);
  keywords.set(name, value);
}

/** Positional and keyword arguments of a call, with `*iterable` and `**mapping` spread as in Python. */
export function evaluateArguments(argsNode: TemplateNode | undefined, scope: Scope, runner: StatementRunner): CallArguments {
  const positional: unknown[] = [];
  const keywords = new Map<string, unknown>();
  for (const arg of childrenOf(argsNode)) {
    if (arg.typename === 'StarArgs') {
      const items = iterateValue(evaluate(arg.target as TemplateNode, scope, runner));
      currentBudget().chargeIterations(items.length);
      positional.push(...items);
    } else if (arg.typename === 'StarKwargs') {
      const mapping = ensureDefined(evaluate(arg.target as TemplateNode, scope, runner));
      if (!(mapping instanceof Map)) pythonError('TypeError', `argument after ** must be a mapping, not ${pyTypeName(mapping)}`);
      currentBudget().chargeIterations(mapping.size);
      for (const [key, value] of mapping) {
        if (typeof key !== 'string') pythonError('TypeError', 'keywords must be strings');
        addKeyword(keywords, key, value);
      }
    } else if (arg.typename === 'KeywordArgs') {
      for (const pair of childrenOf(arg)) {
        const valueNode = pair.value as TemplateNode;
        addKeyword(
          keywords,
          String(pair.key?.value),
          valueNode.typename === 'Caller' ? runner.makeCaller(valueNode, scope) : evaluate(valueNode, scope, runner),
        );
      }
    } else {
      positional.push(evaluate(arg, scope, runner));
    }
  }
  return { positional, keywords };
}

function lookupSymbol(name: string, scope: Scope, runner: StatementRunner): unknown {
  if (CONSTANTS.has(name)) return CONSTANTS.get(name);
  const value = scope.lookup(name);
  if (value !== MISSING) return value;
  const global = runner.lookupGlobal(name);
  return global !== MISSING ? global : undefinedVariable(name);
}

function callValue(callee: unknown, call: CallArguments, calleeNode: TemplateNode | undefined): unknown {
  if (callee instanceof UndefinedValue) callee.fail();
  const callable = callee instanceof LoopContext ? callee.asCallable() : callee;
  if (!(callable instanceof TemplateCallable)) {
    return pythonError('TypeError', `'${pyTypeName(callee)}' object is not callable (${describePath(calleeNode)})`);
  }
  return callable.invoke(call);
}

function compare(node: TemplateNode, scope: Scope, runner: StatementRunner): boolean {
  let left = evaluate(node.expr as TemplateNode, scope, runner);
  for (const operand of node.ops ?? []) {
    const right = evaluate(operand.expr as TemplateNode, scope, runner);
    if (!operators.compareWith(operand.type ?? '==', left, right)) return false;
    left = right;
  }
  return true;
}

function applyTest(node: TemplateNode, scope: Scope, runner: StatementRunner): boolean {
  const subject = evaluate(node.left as TemplateNode, scope, runner);
  const test = node.right as TemplateNode;
  if (test.typename === 'FunCall') {
    return callTest(String(test.name?.value), subject, evaluateArguments(test.args, scope, runner));
  }
  return callTest(String(test.value), subject, { positional: [], keywords: new Map() });
}

function applyFilter(node: TemplateNode, scope: Scope, runner: StatementRunner): unknown {
  const [subjectNode, ...argNodes] = childrenOf(node.args);
  const subject =
    subjectNode?.typename === 'Capture' ? runner.renderBody(subjectNode.body, scope.child()) : evaluate(subjectNode as TemplateNode, scope, runner);
  const call = evaluateArguments({ ...(node.args as TemplateNode), children: argNodes }, scope, runner);
  return callFilter(String(node.name?.value), subject, call);
}

function evaluateOptional(node: TemplateNode | null | undefined, scope: Scope, runner: StatementRunner): unknown {
  return node ? evaluate(node, scope, runner) : null;
}

/** Evaluates an expression node to a Python-model value. */
export function evaluate(node: TemplateNode, scope: Scope, runner: StatementRunner): unknown {
  const binary = BINARY_OPERATORS[node.typename];
  if (binary) return binary(evaluate(node.left as TemplateNode, scope, runner), evaluate(node.right as TemplateNode, scope, runner));
  switch (node.typename) {
    case 'Literal':
      return node.value;
    case 'Symbol':
      return lookupSymbol(String(node.value), scope, runner);
    case 'LookupVal': {
      const target = evaluate(node.target as TemplateNode, scope, runner);
      const key = evaluate(node.val as TemplateNode, scope, runner);
      return node.dotted ? getAttribute(target, key, describePath(node)) : getItem(target, key, describePath(node));
    }
    case 'Slice':
      return new SliceValue(
        evaluateOptional(node.start, scope, runner),
        evaluateOptional(node.stop, scope, runner),
        evaluateOptional(node.step, scope, runner),
      );
    case 'FunCall':
      return callValue(evaluate(node.name as TemplateNode, scope, runner), evaluateArguments(node.args, scope, runner), node.name);
    case 'Filter':
      return applyFilter(node, scope, runner);
    case 'Is':
      return applyTest(node, scope, runner);
    case 'Not':
      return !isTruthy(evaluate(node.target as TemplateNode, scope, runner));
    case 'Neg':
      return operators.negate(evaluate(node.target as TemplateNode, scope, runner));
    case 'Pos':
      return operators.plus(evaluate(node.target as TemplateNode, scope, runner));
    case 'And': {
      const left = evaluate(node.left as TemplateNode, scope, runner);
      return isTruthy(left) ? evaluate(node.right as TemplateNode, scope, runner) : left;
    }
    case 'Or': {
      const left = evaluate(node.left as TemplateNode, scope, runner);
      return isTruthy(left) ? left : evaluate(node.right as TemplateNode, scope, runner);
    }
    case 'In':
      return operators.contains(evaluate(node.right as TemplateNode, scope, runner), evaluate(node.left as TemplateNode, scope, runner));
    case 'Compare':
      return compare(node, scope, runner);
    case 'InlineIf':
      if (isTruthy(evaluate(node.cond as TemplateNode, scope, runner))) return evaluate(node.body as TemplateNode, scope, runner);
      return node.else_
        ? evaluate(node.else_, scope, runner)
        : new UndefinedValue('inline if', 'the inline if-expression evaluated to false and no else section was defined.', true);
    case 'Array':
      return childrenOf(node).map((child) => evaluate(child, scope, runner));
    case 'Group': {
      const items = childrenOf(node).map((child) => evaluate(child, scope, runner));
      return items.length === 1 && !node.trailingComma ? items[0] : makeTuple(items);
    }
    case 'Dict':
      return new Map(
        childrenOf(node).map((pair) => [
          assertHashable(evaluate(pair.key as TemplateNode, scope, runner)),
          evaluate(pair.value as TemplateNode, scope, runner),
        ]),
      );
    case 'Capture':
      return runner.renderBody(node.body, scope.child());
    default:
      return pythonError('TemplateSyntaxError', `unsupported expression '${node.typename}'`);
  }
}
