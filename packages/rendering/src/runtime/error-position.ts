import { PromptRenderError } from '@promptops/errors';
import { type TemplateNode, childrenOf } from '../parse/template-node';

/**
 * Where an expression starts in the source. nunjucks places a lookup at its `.`/`[` and a filter
 * at its name, so descend to the value being looked up or filtered: `{{ user.name | upper }}`
 * then points at `user`.
 */
export function expressionStart(node: TemplateNode): TemplateNode {
  let start = node;
  for (;;) {
    const inner = start.typename === 'LookupVal' ? start.target : start.typename === 'Filter' ? childrenOf(start.args)[0] : undefined;
    if (!inner) return start;
    start = inner;
  }
}

/**
 * Gives a runtime render error the 1-based line and column of `node` unless a deeper node already
 * did, so editors can point at the failing expression as they do for syntax errors. Other errors
 * pass through untouched (render-template turns them into render errors without a position).
 */
export function locateError(error: unknown, node: TemplateNode): unknown {
  if (!(error instanceof PromptRenderError)) return error;
  const details = typeof error.details === 'object' && error.details !== null ? (error.details as Record<string, unknown>) : {};
  if (typeof details.line === 'number') return error;
  return new PromptRenderError(error.message, { ...details, line: node.lineno + 1, column: node.colno + 1 }, { cause: error });
}
