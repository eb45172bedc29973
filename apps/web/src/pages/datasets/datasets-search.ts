import { compact, optionalString, pageParam } from '../../lib/search-params';

/** The datasets list's state in the URL: a search over names and descriptions, and the page. */
export interface DatasetsSearch {
  q?: string;
  page?: number;
}

export const DATASETS_PAGE_SIZE = 50;

export function validateDatasetsSearch(raw: Record<string, unknown>): DatasetsSearch {
  return compact({ q: optionalString(raw, 'q'), page: pageParam(raw) });
}

/** The query of `GET /v1/datasets` for a URL state. */
export function datasetsQueryFor(search: DatasetsSearch) {
  const page = search.page ?? 1;
  return { q: search.q?.trim() || undefined, limit: DATASETS_PAGE_SIZE, offset: (page - 1) * DATASETS_PAGE_SIZE };
}
