import { TEMPLATE_CATEGORIES, TEMPLATE_SORTS, type TemplateCategory, type TemplateSort } from '../../api/enums';
import { compact, optionalOneOf, optionalString, pageParam } from '../../lib/search-params';

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
