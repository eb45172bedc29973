import { TEMPLATE_SORTS, type TemplateSort } from '../../api/enums';
import { compact, optionalOneOf, optionalString, pageParam } from '../../lib/search-params';
import { isSlug, MAX_TEMPLATE_TAGS } from '../../lib/slug';

/** The templates list's state, all of it in the URL so a filtered view can be shared and reloaded. */
export interface TemplatesSearch {
  q?: string;
  category?: string;
  /** Names carrying every one of these tags. */
  tag?: string[];
  active?: 'true' | 'false';
  provider?: string;
  sort?: TemplateSort;
  page?: number;
}

/** `?tag=a` or `?tag=["a","b"]` (as the router writes arrays): the slugs in it, each once; undefined when none. */
function tagsParam(raw: Record<string, unknown>): string[] | undefined {
  const value = raw.tag;
  const list = Array.isArray(value) ? value : [value];
  const tags = [...new Set(list.filter((tag): tag is string => typeof tag === 'string' && isSlug(tag)))].slice(0, MAX_TEMPLATE_TAGS);
  return tags.length > 0 ? tags : undefined;
}

export function validateTemplatesSearch(raw: Record<string, unknown>): TemplatesSearch {
  const category = optionalString(raw, 'category', 40);
  return compact({
    q: optionalString(raw, 'q'),
    category: category !== undefined && isSlug(category) ? category : undefined,
    tag: tagsParam(raw),
    active: optionalOneOf(raw, 'active', ['true', 'false'] as const),
    provider: optionalString(raw, 'provider', 40),
    // `name` is the default order, left out so URLs stay short.
    sort: optionalOneOf(
      raw,
      'sort',
      TEMPLATE_SORTS.filter((sort) => sort !== 'name'),
    ),
    page: pageParam(raw),
  });
}

/** The tag filter with `tag` added, or removed when it is there already. */
export function toggleTagFilter(selected: readonly string[] | undefined, tag: string): string[] | undefined {
  const current = selected ?? [];
  const next = current.includes(tag) ? current.filter((each) => each !== tag) : [...current, tag];
  return next.length > 0 ? next : undefined;
}
