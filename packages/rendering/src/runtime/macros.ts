import { type StatementRunner, evaluate } from './expressions';
import { currentBudget } from './render-budget';
import type { Scope } from './render-scope';
import { type TemplateNode, childrenOf } from '../parse/template-node';
import { TemplateCallable, makeTuple, pythonError, undefinedVariable } from '../python/python-values';

interface MacroSignature {
  names: string[];
  defaults: Map<string, TemplateNode>;
  usesVarargs: boolean;
  usesKwargs: boolean;
}

const signatures = new WeakMap<TemplateNode, MacroSignature>();

function referencesName(node: unknown, name: string): boolean {
  if (!node || typeof node !== 'object') return false;
  const candidate = node as TemplateNode;
  if (candidate.typename === 'Symbol' && candidate.value === name) return true;
  return Object.values(candidate).some((value) => (Array.isArray(value) ? value.some((child) => referencesName(child, name)) : referencesName(value, name)));
}

function signatureOf(node: TemplateNode): MacroSignature {
  const cached = signatures.get(node);
  if (cached) return cached;
  const names: string[] = [];
  const defaults = new Map<string, TemplateNode>();
  for (const arg of childrenOf(node.args)) {
    if (arg.typename === 'KeywordArgs') {
      for (const pair of childrenOf(arg)) {
        const name = String(pair.key?.value);
        names.push(name);
        defaults.set(name, pair.value as TemplateNode);
      }
    } else {
      names.push(String(arg.value));
    }
  }
  const signature = {
    names,
    defaults,
    usesVarargs: referencesName(node.body, 'varargs'),
    usesKwargs: referencesName(node.body, 'kwargs'),
  };
  signatures.set(node, signature);
  return signature;
}

/**
 * Builds the callable for `{% macro %}` and `{% call %}` bodies. Arguments bind like Jinja2:
 * positional, then keyword, then defaults (evaluated in the macro scope); extra arguments land
 * in `varargs`/`kwargs` only when the body uses them.
 */
export function defineMacro(node: TemplateNode, definitionScope: Scope, runner: StatementRunner): TemplateCallable {
  const signature = signatureOf(node);
  const name = node.typename === 'Caller' ? 'caller' : String(node.name?.value);
  return new TemplateCallable(
    name,
    ({ positional, keywords }) => {
      const budget = currentBudget();
      budget.enterCall();
      try {
        const scope = definitionScope.child();
        const remaining = new Map(keywords);
        const caller = remaining.get('caller');
        remaining.delete('caller');
        if (caller !== undefined) scope.set('caller', caller);
        signature.names.forEach((param, index) => {
          if (index < positional.length) scope.set(param, positional[index]);
          else if (remaining.has(param)) scope.set(param, remaining.get(param));
          else {
            const fallback = signature.defaults.get(param);
            scope.set(param, fallback ? evaluate(fallback, scope, runner) : undefinedVariable(param));
          }
          remaining.delete(param);
        });
        const extra = positional.slice(signature.names.length);
        if (extra.length > 0 && !signature.usesVarargs) {
          pythonError('TypeError', `macro '${name}' takes not more than ${signature.names.length} argument(s)`);
        }
        const [unexpected] = remaining.keys();
        if (unexpected !== undefined && !signature.usesKwargs) {
          pythonError('TypeError', `macro '${name}' takes no keyword argument '${unexpected}'`);
        }
        scope.set('varargs', makeTuple(extra));
        scope.set('kwargs', remaining);
        return runner.renderBody(node.body, scope);
      } finally {
        budget.exitCall();
      }
    },
    'Macro',
  );
}
