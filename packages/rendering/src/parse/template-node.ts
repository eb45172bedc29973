/**
 * The shape of nunjucks syntax-tree nodes as our interpreter reads them. Every node carries a
 * `typename`; the remaining fields depend on it (see node_modules/nunjucks/src/nodes.js), plus
 * the fields our parser adds: `For.filterCondition`, `For.recursive`, `LookupVal.dotted` (for
 * `a.b`, as opposed to `a['b']`), `trailingComma` (so `(x,)` is a tuple) and `Slice` nodes.
 */
export interface TemplateNode {
  typename: string;
  lineno: number;
  colno: number;
  children?: TemplateNode[];
  value?: unknown;
  target?: TemplateNode;
  val?: TemplateNode;
  name?: TemplateNode;
  args?: TemplateNode;
  body?: TemplateNode;
  else_?: TemplateNode | null;
  cond?: TemplateNode;
  arr?: TemplateNode;
  left?: TemplateNode;
  right?: TemplateNode;
  expr?: TemplateNode;
  ops?: TemplateNode[];
  type?: string;
  key?: TemplateNode;
  targets?: TemplateNode[];
  filterCondition?: TemplateNode | null;
  recursive?: boolean;
  dotted?: boolean;
  trailingComma?: boolean;
  start?: TemplateNode | null;
  stop?: TemplateNode | null;
  step?: TemplateNode | null;
}

export function childrenOf(node: TemplateNode | null | undefined): TemplateNode[] {
  return node?.children ?? [];
}
