import { PromptRenderError } from '@promptops/errors';
import { hasFilter } from '../filters/filters';
import { hasTest } from '../runtime/jinja-tests';
import { guardNesting, parseTemplate } from './parse-template';
import type { TemplateNode } from './template-node';

export function walkTemplate(node: unknown, visit: (node: TemplateNode) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) walkTemplate(child, visit);
    return;
  }
  if (!('typename' in node)) return;
  visit(node as TemplateNode);
  for (const value of Object.values(node)) walkTemplate(value, visit);
}

function unknownName(kind: 'filter' | 'test', name: string, node: TemplateNode): PromptRenderError {
  const line = node.lineno + 1;
  const column = node.colno + 1;
  const reason = `No ${kind} named '${name}'.`;
  return new PromptRenderError(`Template syntax error at line ${line}, column ${column}: ${reason}`, {
    kind: 'syntax',
    line,
    column,
    reason,
  });
}

/** Jinja2 rejects unknown filters and tests when compiling, not when rendering; so do we. */
function checkNames(root: TemplateNode): void {
  walkTemplate(root, (node) => {
    if (node.typename === 'Filter') {
      const name = String(node.name?.value);
      if (!hasFilter(name)) throw unknownName('filter', name, node);
    } else if (node.typename === 'Is') {
      const test = node.right;
      const name = String(test?.typename === 'FunCall' ? test.name?.value : test?.value);
      if (!hasTest(name)) throw unknownName('test', name, node);
    }
  });
}

/** Text and variable lookups (`{{ a.b }}`, `{{ xs[0] }}`): nothing that loops, calls or recurses. */
const STRAIGHT_LINE_NODES = new Set(['Root', 'NodeList', 'Output', 'TemplateData', 'Symbol', 'LookupVal', 'Literal']);

/**
 * True when rendering the template takes time proportional to its size and output alone, so it
 * cannot hang or blow up whatever the context: such templates may render without a worker hop.
 */
export function isStraightLine(root: TemplateNode): boolean {
  let straight = true;
  walkTemplate(root, (node) => {
    if (!STRAIGHT_LINE_NODES.has(node.typename)) straight = false;
  });
  return straight;
}

/** Parses and validates a template; throws PromptRenderError with line/column on bad syntax. */
export function compileTemplate(source: string): TemplateNode {
  if (typeof source !== 'string') throw new PromptRenderError('Template source must be a string', { kind: 'syntax' });
  const root = parseTemplate(source);
  guardNesting(() => checkNames(root));
  return root;
}
