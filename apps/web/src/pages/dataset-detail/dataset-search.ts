import { compact, optionalOneOf, optionalPositiveInt, optionalString, pageParam } from '../../lib/search-params';

export const DATASET_TABS = ['entries', 'runs'] as const;
export type DatasetTab = (typeof DATASET_TABS)[number];

/**
 * A dataset page's state: the tab, the entries' tag filter (`tags=a,b`, matching any of them, or
 * all with `match=all`), order and page, and the run history's page.
 */
export interface DatasetSearch {
  tab?: DatasetTab;
  tags?: string;
  match?: 'all';
  order?: 'newest';
  page?: number;
  runs_page?: number;
}

export function validateDatasetSearch(raw: Record<string, unknown>): DatasetSearch {
  const tab = optionalOneOf(raw, 'tab', DATASET_TABS);
  const runsPage = optionalPositiveInt(raw, 'runs_page');
  return compact({
    tab: tab === 'entries' ? undefined : tab,
    tags: tagParam(parseTagParam(optionalString(raw, 'tags', 5000))),
    match: optionalOneOf(raw, 'match', ['all'] as const),
    order: optionalOneOf(raw, 'order', ['newest'] as const),
    page: pageParam(raw),
    runs_page: runsPage === 1 ? undefined : runsPage,
  });
}

/** `a, b,,a` → `['a', 'b']`. */
export function parseTagParam(raw: string | undefined): string[] {
  return [
    ...new Set(
      (raw ?? '')
        .split(',')
        .map((tag) => tag.trim())
        .filter((tag) => tag !== ''),
    ),
  ];
}

/** The URL's `tags` for a list; none leaves the parameter out. */
export function tagParam(tags: readonly string[]): string | undefined {
  return tags.length === 0 ? undefined : tags.join(',');
}

/** Adds the tag to the filter, or removes it when it is there. */
export function toggleTag(raw: string | undefined, tag: string): string | undefined {
  const tags = parseTagParam(raw);
  return tagParam(tags.includes(tag) ? tags.filter((each) => each !== tag) : [...tags, tag]);
}

export const ENTRIES_PAGE_SIZE = 50;

/** The query of `GET /v1/datasets/{id}/entries` for the page's URL state: never more than one page. */
export function entriesQueryFor(search: DatasetSearch) {
  const page = search.page ?? 1;
  const tags = parseTagParam(search.tags);
  return {
    tags: tags.length > 0 ? tags.join(',') : undefined,
    match: tags.length > 1 && search.match === 'all' ? ('all' as const) : undefined,
    order: search.order,
    limit: ENTRIES_PAGE_SIZE,
    offset: (page - 1) * ENTRIES_PAGE_SIZE,
  };
}
