import { compact, optionalOneOf, optionalString, pageParam } from '../../lib/search-params';

export const TEMPLATE_SORTS = ['name', '-name', 'updated_at', '-updated_at', 'created_at', '-created_at', 'usage_count', '-usage_count', 'last_used_at', '-last_used_at'] as const;
export type TemplateSort = (typeof TEMPLATE_SORTS)[number];

// Mirrors the API's category enum; templates-search.test.ts checks it against @promptops/db.
export const TEMPLATE_CATEGORIES = ['chat', 'auto_issue', 'feedback_issue', 'documentation', 'readme_update', 'sub_issue', 'generation', 'evaluation', 'other'] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

/** The templates list's state, all of it in the URL so a filtered view can be shared and reloaded. */
export interface TemplatesSearch {
  q?: string;
  category?: TemplateCategory;
  active?: 'true' | 'false';
  provider?: string;
  sort?: TemplateSort;
  page?: number;
}

export function validateTemplatesSearch(raw: Record<string, unknown>): TemplatesSearch {
  return compact({
    q: optionalString(raw, 'q'),
    category: optionalOneOf(raw, 'category', TEMPLATE_CATEGORIES),
    active: optionalOneOf(raw, 'active', ['true', 'false'] as const),
    provider: optionalString(raw, 'provider', 40),
    // `name` is the default order, left out so URLs stay short.
    sort: optionalOneOf(raw, 'sort', TEMPLATE_SORTS.filter((sort) => sort !== 'name')),
    page: pageParam(raw),
  });
}
