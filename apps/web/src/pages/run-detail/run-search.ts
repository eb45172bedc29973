import { compact, optionalOneOf, pageParam } from '../../lib/search-params';

/** A run page's results filter (passed or failed items) and page, in the URL. */
export interface RunSearch {
  passed?: 'true' | 'false';
  page?: number;
}

export const RESULTS_PAGE_SIZE = 25;

export function validateRunSearch(raw: Record<string, unknown>): RunSearch {
  return compact({ passed: optionalOneOf(raw, 'passed', ['true', 'false'] as const), page: pageParam(raw) });
}

/** The query of `GET /v1/runs/{id}/results` for a URL state. */
export function resultsQueryFor(search: RunSearch) {
  const page = search.page ?? 1;
  return { passed: search.passed, limit: RESULTS_PAGE_SIZE, offset: (page - 1) * RESULTS_PAGE_SIZE };
}
