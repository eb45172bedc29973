import { expressionStart, locateError } from './error-position';
import { type StatementRunner, evaluate } from './expressions';
import { LoopContext } from './loop-context';
import { defineMacro } from './macros';
import { pyStr } from '../python/python-repr';
import { currentBudget } from './render-budget';
import { OutputBuffer, Scope } from './render-scope';
import { type TemplateNode, childrenOf } from '../parse/template-node';
import { MISSING, Namespace, type TemplateCallable, UndefinedValue, isTruthy, iterateValue, pyTypeName, pythonError } from '../python/python-values';

/** Thrown by `{% break %}`/`{% continue %}` to the innermost loop (the parser allows them only in loops). */
class LoopControl {
  constructor(readonly kind: 'break' | 'continue') {}
}

/** Binds a `for`/`set` target: a name, or a tuple of names unpacked from the value. */
function assignTarget(target: TemplateNode, value: unknown, scope: Scope): void {
  if (target.typename === 'Symbol') {
    scope.set(String(target.value), value);
    return;
  }
  const names = childrenOf(target);
  const values = iterateValue(value);
  if (values.length < names.length) {
    pythonError('ValueError', `not enough values to unpack (expected ${names.length}, got ${values.length})`);
  }
  if (values.length > names.length) pythonError('ValueError', `too many values to unpack (expected ${names.length})`);
  for (const [index, name] of names.entries()) assignTarget(name, values[index], scope);
}

/**
 * Executes a parsed template. Every data access goes through sandbox-lookup and every
 * operator through python-operators, so templates only ever see the Python value model.
 */
export class TemplateInterpreter implements StatementRunner {
  constructor(
    private readonly context: Map<string, unknown>,
    private readonly globals: Map<string, unknown>,
  ) {}

  render(root: TemplateNode): string {
    return this.renderBody(root, new Scope(null));
  }

  lookupGlobal(name: string): unknown {
    if (this.context.has(name)) return this.context.get(name);
    return this.globals.has(name) ? this.globals.get(name) : MISSING;
  }

  renderBody(body: TemplateNode | null | undefined, scope: Scope): string {
    const output = new OutputBuffer();
    this.executeAll(body, scope, output);
    return output.toString();
  }

  makeCaller(node: TemplateNode, scope: Scope): TemplateCallable {
    return defineMacro(node, scope, this);
  }

  private executeAll(body: TemplateNode | null | undefined, scope: Scope, output: OutputBuffer): void {
    if (!body) return;
    if (body.typename !== 'NodeList' && body.typename !== 'Root') {
      this.execute(body, scope, output);
      return;
    }
    for (const child of childrenOf(body)) this.execute(child, scope, output);
  }

  /** Runs one statement; an error leaving it gets the statement's position unless it has a closer one. */
  private execute(node: TemplateNode, scope: Scope, output: OutputBuffer): void {
    try {
      this.executeStatement(node, scope, output);
    } catch (error) {
      throw locateError(error, node);
    }
  }

  private executeStatement(node: TemplateNode, scope: Scope, output: OutputBuffer): void {
    switch (node.typename) {
      case 'Output':
        for (const child of childrenOf(node)) {
          if (child.typename === 'TemplateData') {
            output.write(String(child.value));
            continue;
          }
          try {
            output.write(pyStr(evaluate(child, scope, this)));
          } catch (error) {
            throw locateError(error, expressionStart(child));
          }
        }
        return;
      case 'If':
        this.executeAll(isTruthy(evaluate(node.cond as TemplateNode, scope, this)) ? node.body : node.else_, scope, output);
        return;
      case 'For':
        this.executeFor(node, scope, output);
        return;
      case 'Set':
        this.executeSet(node, scope);
        return;
      case 'Macro':
        scope.set(String(node.name?.value), defineMacro(node, scope, this));
        return;
      case 'Block':
        this.executeAll(node.body, scope, output);
        return;
      case 'Break':
        throw new LoopControl('break');
      case 'Continue':
        throw new LoopControl('continue');
      case 'Do':
        evaluate(node.expr as TemplateNode, scope, this);
        return;
      case 'With': {
        // Values are computed in the enclosing scope before any name is bound, as in Jinja2.
        const values = childrenOf(node).map((pair) => [String(pair.key?.value), evaluate(pair.value as TemplateNode, scope, this)] as const);
        const withScope = scope.child();
        for (const [name, value] of values) withScope.set(name, value);
        this.executeAll(node.body, withScope, output);
        return;
      }
      default:
        pythonError('TemplateSyntaxError', `unsupported tag '${node.typename}'`);
    }
  }

  private executeSet(node: TemplateNode, scope: Scope): void {
    const value = node.value ? evaluate(node.value as TemplateNode, scope, this) : this.renderBody(node.body?.body, scope.child());
    const targets = node.targets ?? [];
    const first = targets[0];
    if (targets.length === 1 && first?.typename === 'LookupVal') {
      this.assignNamespaceAttribute(first, value, scope);
      return;
    }
    if (targets.length === 1 && first) assignTarget(first, value, scope);
    else assignTarget({ typename: 'Array', lineno: node.lineno, colno: node.colno, children: targets }, value, scope);
  }

  /** `{% set ns.attr = value %}` is only allowed on namespace() objects, as in Jinja2. */
  private assignNamespaceAttribute(target: TemplateNode, value: unknown, scope: Scope): void {
    const owner = evaluate(target.target as TemplateNode, scope, this);
    if (owner instanceof UndefinedValue) owner.fail();
    const attribute = evaluate(target.val as TemplateNode, scope, this);
    if (!(owner instanceof Namespace) || typeof attribute !== 'string') {
      pythonError('TemplateRuntimeError', `cannot assign attribute on non-namespace object (${pyTypeName(owner)})`);
    }
    owner.attributes.set(attribute, value);
  }

  private executeFor(node: TemplateNode, scope: Scope, output: OutputBuffer): void {
    const target = node.name as TemplateNode;
    const runLoop = (iterable: unknown, depth0: number, into: OutputBuffer): void => {
      let items = iterateValue(iterable);
      if (node.filterCondition) {
        const condition = node.filterCondition;
        const filterScope = scope.child();
        items = items.filter((item) => {
          currentBudget().chargeIterations(1);
          assignTarget(target, item, filterScope);
          return isTruthy(evaluate(condition, filterScope, this));
        });
      }
      const recurse = node.recursive
        ? (children: unknown) => {
            const nested = new OutputBuffer();
            runLoop(children, depth0 + 1, nested);
            return nested.toString();
          }
        : null;
      const loop = new LoopContext(items, depth0, recurse);
      // Jinja2 runs `else` unless some iteration reached the end of the body: an empty loop, or
      // one whose every iteration left through `break` or `continue`.
      let completedIteration = false;
      for (const [index, item] of items.entries()) {
        currentBudget().chargeIterations(1);
        loop.index0 = index;
        // Each iteration starts from the enclosing scope: Jinja2 does not carry `set` over.
        const iterationScope = scope.child();
        iterationScope.set('loop', loop);
        assignTarget(target, item, iterationScope);
        try {
          this.executeAll(node.body, iterationScope, into);
          completedIteration = true;
        } catch (error) {
          if (!(error instanceof LoopControl)) throw error;
          if (error.kind === 'break') break;
        }
      }
      if (!completedIteration) this.executeAll(node.else_, scope, into);
    };
    runLoop(evaluate(node.arr as TemplateNode, scope, this), 0, output);
  }
}
