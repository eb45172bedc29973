import type { TemplateSort } from '../../api/enums';
import type { TemplatesSearch } from './templates-search';

export const PAGE_SIZE = 50;

/** The columns the server can order by; their ids are the API's sort fields. */
export const SORTABLE_COLUMNS = ['name', 'updated_at', 'usage_count', 'last_used_at'] as const;
export type SortableColumn = (typeof SORTABLE_COLUMNS)[number];

/** The query of `GET /v1/templates` for a URL state: one row per name, with 24-hour stats. */
export function listQueryFor(search: TemplatesSearch) {
  const page = search.page ?? 1;
  return {
    per_name: 'true',
    include_stats: 'true',
    sort: search.sort ?? 'name',
    q: search.q?.trim() || undefined,
    category: search.category,
    // Repeated in the query string (`tag=a&tag=b`): names carrying every one.
    tag: search.tag,
    is_active: search.active,
    provider: search.provider,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  } as const;
}

/** TanStack Table's sorting state for the URL's `sort` (name ascending when absent). */
export function sortingFor(sort: TemplateSort | undefined): { id: string; desc: boolean }[] {
  const value = sort ?? 'name';
  return value.startsWith('-') ? [{ id: value.slice(1), desc: true }] : [{ id: value, desc: false }];
}

/** The URL's `sort` for a sorting state; the default order and unknown columns give undefined. */
export function sortParamFor(sorting: readonly { id: string; desc: boolean }[]): TemplateSort | undefined {
  const first = sorting[0];
  if (!first || !(SORTABLE_COLUMNS as readonly string[]).includes(first.id)) return undefined;
  const sort = `${first.desc ? '-' : ''}${first.id}` as TemplateSort;
  return sort === 'name' ? undefined : sort;
}

/** Whether any filter narrows the list, which decides between "no templates yet" and "nothing matches". */
export function hasFilters(search: TemplatesSearch): boolean {
  return Boolean(search.q?.trim() || search.category || search.tag?.length || search.active || search.provider);
}

/** The URL state with every filter removed; the order is kept. */
export function withoutFilters(search: TemplatesSearch): TemplatesSearch {
  return search.sort ? { sort: search.sort } : {};
}

/** The last page that has rows (1 when there are none), for a page number left behind by deletes. */
export function lastPage(total: number, pageSize: number = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
