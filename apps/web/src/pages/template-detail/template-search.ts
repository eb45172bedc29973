import { compact, optionalOneOf, optionalPositiveInt, pageParam } from '../../lib/search-params';

export const TEMPLATE_TABS = ['overview', 'versions', 'diff', 'schemas', 'variables', 'executions', 'analytics'] as const;
export type TemplateTab = (typeof TEMPLATE_TABS)[number];

/** Which executions the Executions tab lists: every version of the name (the default) or the shown one. */
export const EXECUTION_SCOPES = ['all', 'version'] as const;
export type ExecutionScope = (typeof EXECUTION_SCOPES)[number];

/**
 * A template page: which version is shown, which tab, the two versions a diff compares, and the
 * Executions tab's scope and page.
 */
export interface TemplateSearch {
  version?: number;
  tab?: TemplateTab;
  base?: number;
  target?: number;
  scope?: ExecutionScope;
  page?: number;
}

export function validateTemplateSearch(raw: Record<string, unknown>): TemplateSearch {
  const scope = optionalOneOf(raw, 'scope', EXECUTION_SCOPES);
  return compact({
    version: optionalPositiveInt(raw, 'version'),
    tab: optionalOneOf(raw, 'tab', TEMPLATE_TABS),
    base: optionalPositiveInt(raw, 'base'),
    target: optionalPositiveInt(raw, 'target'),
    scope: scope === 'all' ? undefined : scope,
    page: pageParam(raw),
  });
}
