import { guardNesting, parseTemplate } from '../parse/parse-template';
import { type TemplateNode, childrenOf } from '../parse/template-node';
import { UNDEFINED_TOLERANT_FILTERS } from '../filters/filters';
import { UNDEFINED_TOLERANT_TESTS } from '../runtime/jinja-tests';
import { elseGuardPaths, guardPaths, isParenthesised, testName } from './variable-guards';
import { FILTER_INPUT_HINTS, METHOD_RECEIVER_HINTS, TEST_SUBJECT_HINTS, literalHint } from './variable-hints';

export type TypeHint = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'unknown';

export interface TemplateVariable {
  /** Dotted path from the context root; `items[]` marks the elements of an iterated array. */
  path: string;
  type_hint: TypeHint;
  /**
   * True when the template renders without it: every read is only tested (`if path`, `path and
   * ...`, `not path`, an inline `if` condition, `is defined` and the other type tests,
   * `default`/`d`) or sits where such a test proved it present. Rendering agrees: an absent
   * variable is falsy in tests and fails, naming it, anywhere else.
   */
  optional: boolean;
}

/** Names the template gets from the runtime rather than from the context. */
const RUNTIME_NAMES = new Set([
  'range',
  'namespace',
  'dict',
  'lipsum',
  'cycler',
  'joiner',
  'loop',
  'caller',
  'varargs',
  'kwargs',
  'True',
  'False',
  'None',
  'true',
  'false',
  'none',
]);

/** A local name either hides context data entirely (null) or aliases a context path (loop items). */
type Binding = string | null;

class Scope {
  private readonly bindings = new Map<string, Binding>();
  constructor(private readonly parent: Scope | null) {}
  resolve(name: string): Binding | undefined {
    for (let scope: Scope | null = this; scope; scope = scope.parent) {
      if (scope.bindings.has(name)) return scope.bindings.get(name) ?? null;
    }
    return undefined;
  }
  bind(name: string, binding: Binding): void {
    this.bindings.set(name, binding);
  }
  child(): Scope {
    return new Scope(this);
  }
}

interface Usage {
  hint: TypeHint;
  guarded: boolean;
}

/** `a.b[].c` and the paths it lies under: `a`, `a.b`, `a.b[]`, `a.b[].c`. */
function pathPrefixes(path: string): string[] {
  const prefixes: string[] = [];
  for (let index = 0; index < path.length; index++) {
    if (path[index] === '.' || path[index] === '[') prefixes.push(path.slice(0, index));
  }
  prefixes.push(path);
  return prefixes;
}

/** Walks the syntax tree collecting context reads, their shape hints and whether they are guarded. */
class VariableCollector {
  readonly usages = new Map<string, Usage>();
  /**
   * Paths proven present by the enclosing conditions, counted because nested conditions may guard
   * the same path. A read looks up its own prefixes (as many as its depth), so a template with
   * thousands of guards and reads costs their sum, not their product.
   */
  private readonly guards = new Map<string, number>();

  private isGuarded(path: string): boolean {
    return this.guards.size > 0 && pathPrefixes(path).some((prefix) => this.guards.has(prefix));
  }

  record(path: string, hint: TypeHint, guarded: boolean): void {
    const isGuarded = guarded || this.isGuarded(path);
    const existing = this.usages.get(path);
    if (!existing) {
      this.usages.set(path, { hint, guarded: isGuarded });
      return;
    }
    if (existing.hint === 'unknown') existing.hint = hint;
    existing.guarded &&= isGuarded;
  }

  /** Resolves `a.b['c']` to a context path, or null for locals and computed keys. */
  pathOf(node: TemplateNode, scope: Scope): string | null {
    if (node.typename === 'Symbol') {
      const name = String(node.value);
      const binding = scope.resolve(name);
      if (binding !== undefined) return binding;
      return RUNTIME_NAMES.has(name) ? null : name;
    }
    if (node.typename === 'LookupVal' && node.target && node.val?.typename === 'Literal') {
      const base = this.pathOf(node.target, scope);
      if (base === null) return null;
      const key = node.val.value;
      if (typeof key === 'number') {
        this.record(base, 'array', false);
        return `${base}[]`;
      }
      this.record(base, 'object', false);
      return `${base}.${String(key)}`;
    }
    return null;
  }

  expression(node: TemplateNode | null | undefined, scope: Scope, hint: TypeHint = 'unknown', guarded = false): void {
    if (!node) return;
    switch (node.typename) {
      case 'Symbol':
      case 'LookupVal': {
        const path = this.pathOf(node, scope);
        if (path !== null) this.record(path, hint, guarded);
        else this.children(node, scope);
        return;
      }
      case 'Filter': {
        const [subject, ...args] = childrenOf(node.args);
        const name = String(node.name?.value);
        if (subject?.typename === 'Capture') this.body(subject.body, scope.child());
        else this.expression(subject, scope, FILTER_INPUT_HINTS.get(name) ?? 'unknown', UNDEFINED_TOLERANT_FILTERS.has(name));
        for (const arg of args) this.expression(arg, scope);
        return;
      }
      case 'Is': {
        const test = node.right;
        const name = testName(node);
        this.expression(node.left, scope, TEST_SUBJECT_HINTS.get(name) ?? 'unknown', UNDEFINED_TOLERANT_TESTS.has(name));
        if (test?.typename === 'FunCall') this.children(test.args, scope);
        return;
      }
      case 'Not':
        this.truth(node.target, scope);
        return;
      case 'Or':
        // `x or y` returns x only when x is truthy, so an absent x is never used.
        this.truth(node.left, scope);
        this.expression(node.right, scope);
        return;
      case 'FunCall': {
        const callee = node.name;
        const method = callee?.typename === 'LookupVal' && callee.val?.typename === 'Literal' ? String(callee.val.value) : '';
        if (callee?.target && METHOD_RECEIVER_HINTS.has(method)) this.expression(callee.target, scope, METHOD_RECEIVER_HINTS.get(method));
        else this.expression(callee, scope);
        this.children(node.args, scope);
        return;
      }
      case 'Add':
      case 'Sub':
      case 'Mul':
      case 'Div':
      case 'FloorDiv':
      case 'Mod':
      case 'Pow':
      case 'Compare': {
        const operands = node.typename === 'Compare' ? [node.expr, ...(node.ops ?? []).map((op) => op.expr)] : [node.left, node.right];
        const literal = operands.find((operand) => operand?.typename === 'Literal');
        const operandHint = node.typename === 'Compare' || node.typename === 'Add' || node.typename === 'Mul' ? literalHint(literal?.value) : 'number';
        for (const operand of operands) this.expression(operand, scope, operandHint);
        return;
      }
      case 'InlineIf':
        this.truth(node.cond, scope);
        this.withGuards(
          guardPaths(node.cond, (node) => this.pathOf(node, scope)),
          () => this.expression(node.body, scope),
        );
        this.withGuards(
          elseGuardPaths(node.cond, (node) => this.pathOf(node, scope)),
          () => this.expression(node.else_, scope),
        );
        return;
      case 'KeywordArgs':
        for (const pair of childrenOf(node)) this.expression(pair.value as TemplateNode, scope);
        return;
      case 'Caller':
        this.macro(node, scope);
        return;
      default:
        this.children(node, scope);
    }
  }

  private children(node: TemplateNode | undefined, scope: Scope): void {
    if (!node) return;
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) for (const child of value) this.expression(child as TemplateNode, scope);
      else if (value && typeof value === 'object' && 'typename' in value) this.expression(value as TemplateNode, scope);
    }
  }

  /**
   * A read whose value is only tested for truth (`if` and inline-if conditions, loop filters,
   * `not`, the operands of `and`/`or` there): an absent variable is simply false.
   */
  private truth(node: TemplateNode | null | undefined, scope: Scope): void {
    if (!node) return;
    if (node.typename === 'Symbol' || node.typename === 'LookupVal') this.expression(node, scope, 'unknown', true);
    else if (node.typename === 'Not') this.truth(node.target, scope);
    else if (node.typename === 'And' || node.typename === 'Or') {
      this.truth(node.left, scope);
      this.truth(node.right, scope);
    } else if (isParenthesised(node)) this.truth(childrenOf(node)[0], scope);
    else this.expression(node, scope);
  }

  private withGuards(paths: string[], run: () => void): void {
    for (const path of paths) this.guards.set(path, (this.guards.get(path) ?? 0) + 1);
    try {
      run();
    } finally {
      for (const path of paths) {
        const count = (this.guards.get(path) ?? 1) - 1;
        if (count === 0) this.guards.delete(path);
        else this.guards.set(path, count);
      }
    }
  }

  body(node: TemplateNode | null | undefined, scope: Scope): void {
    if (!node) return;
    if (node.typename !== 'NodeList' && node.typename !== 'Root') {
      this.statement(node, scope);
      return;
    }
    for (const child of childrenOf(node)) this.statement(child, scope);
  }

  /**
   * `{% set y = x.a %}` binds `y` to the path `x.a`: assigning is lazy in Jinja2 (only `x` must
   * exist), so reads of `y` count as reads of `x.a`. Other values bind plain locals (null).
   */
  private aliasOf(value: TemplateNode, scope: Scope): string | null {
    if (value.typename !== 'Symbol' && value.typename !== 'LookupVal') return null;
    const path = this.pathOf(value, scope);
    if (path !== null) this.record(path, 'unknown', true);
    return path;
  }

  private bindTarget(target: TemplateNode | undefined, scope: Scope, binding: Binding): void {
    if (!target) return;
    if (target.typename === 'Symbol') scope.bind(String(target.value), binding);
    else for (const name of childrenOf(target)) this.bindTarget(name, scope, null);
  }

  /** Macro and `{% call %}` bodies: parameters are locals, defaults are read in the macro scope. */
  private macro(node: TemplateNode, scope: Scope): void {
    const macroScope = scope.child();
    for (const arg of childrenOf(node.args)) {
      if (arg.typename === 'KeywordArgs') {
        for (const pair of childrenOf(arg)) {
          this.expression(pair.value as TemplateNode, macroScope);
          macroScope.bind(String(pair.key?.value), null);
        }
      } else macroScope.bind(String(arg.value), null);
    }
    this.body(node.body, macroScope);
  }

  private statement(node: TemplateNode, scope: Scope): void {
    switch (node.typename) {
      case 'Output':
        for (const child of childrenOf(node)) if (child.typename !== 'TemplateData') this.expression(child, scope);
        return;
      case 'If':
        this.truth(node.cond, scope);
        this.withGuards(
          guardPaths(node.cond, (node) => this.pathOf(node, scope)),
          () => this.body(node.body, scope),
        );
        this.withGuards(
          elseGuardPaths(node.cond, (node) => this.pathOf(node, scope)),
          () => this.body(node.else_, scope),
        );
        return;
      case 'For': {
        const iterable = node.arr;
        const isItems = iterable?.typename === 'FunCall' && iterable.name?.val?.value === 'items';
        this.expression(iterable, scope, isItems ? 'unknown' : 'array');
        const source = iterable && !isItems ? this.pathOf(iterable, scope) : null;
        const loopScope = scope.child();
        const singleTarget = node.name?.typename === 'Symbol';
        this.bindTarget(node.name, loopScope, singleTarget && source !== null ? `${source}[]` : null);
        this.truth(node.filterCondition, loopScope);
        this.body(node.body, loopScope);
        this.body(node.else_, scope);
        return;
      }
      case 'Set': {
        const targets = node.targets ?? [];
        const alias = node.value && targets.length === 1 && targets[0]?.typename === 'Symbol' ? this.aliasOf(node.value as TemplateNode, scope) : null;
        if (alias === null && node.value) this.expression(node.value as TemplateNode, scope);
        else if (!node.value) this.body(node.body?.body, scope.child());
        for (const target of targets) {
          if (target.typename === 'LookupVal') this.expression(target.target, scope);
          else this.bindTarget(target, scope, alias);
        }
        return;
      }
      case 'Macro':
        this.macro(node, scope);
        return;
      case 'Block':
        this.body(node.body, scope);
        return;
      case 'With': {
        const withScope = scope.child();
        const aliases = childrenOf(node).map((pair) => {
          const alias = this.aliasOf(pair.value as TemplateNode, scope);
          if (alias === null) this.expression(pair.value as TemplateNode, scope);
          return alias;
        });
        for (const [index, pair] of childrenOf(node).entries()) this.bindTarget(pair.key, withScope, aliases[index] ?? null);
        this.body(node.body, withScope);
        return;
      }
      case 'Do':
        this.expression(node.expr, scope);
        return;
      default:
        this.expression(node, scope);
    }
  }
}

/** Every context path read, including bare array-element paths (`items[]`) used for schemas. */
export function collectTemplateVariables(root: TemplateNode): TemplateVariable[] {
  const collector = new VariableCollector();
  const scope = new Scope(null);
  // Macros are callable anywhere after their definition; hiding their names up front is close enough.
  for (const node of childrenOf(root)) if (node.typename === 'Macro') scope.bind(String(node.name?.value), null);
  collector.body(root, scope);
  return [...collector.usages].map(([path, usage]) => ({ path, type_hint: usage.hint, optional: usage.guarded }));
}

/**
 * The context variables a template reads (see TemplateVariable); bare element paths such as
 * `items[]` are left out because `items` (array) and `items[].field` already describe them.
 * Throws PromptRenderError on bad syntax.
 */
export function extractVariables(source: string): TemplateVariable[] {
  return guardNesting(() => collectTemplateVariables(parseTemplate(source))).filter((variable) => !variable.path.endsWith('[]'));
}
