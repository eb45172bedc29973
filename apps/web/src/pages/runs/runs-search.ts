import { RUN_STATUSES, type RunStatus } from '../../api/enums';
import { compact, optionalOneOf, optionalString, pageParam } from '../../lib/search-params';

/** The runs list's filters in the URL: one dataset, one status, and the page. */
export interface RunsSearch {
  dataset?: string;
  status?: RunStatus;
  page?: number;
}

export const RUNS_PAGE_SIZE = 25;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID parameter, or undefined: the API would refuse anything else with a 400. */
export function optionalUuid(raw: Record<string, unknown>, key: string): string | undefined {
  const value = optionalString(raw, key, 36);
  return value !== undefined && UUID.test(value) ? value : undefined;
}

export function validateRunsSearch(raw: Record<string, unknown>): RunsSearch {
  return compact({ dataset: optionalUuid(raw, 'dataset'), status: optionalOneOf(raw, 'status', RUN_STATUSES), page: pageParam(raw) });
}

/** The query of `GET /v1/runs` for a URL state. */
export function runsQueryFor(search: RunsSearch) {
  const page = search.page ?? 1;
  return { dataset_id: search.dataset, status: search.status, limit: RUNS_PAGE_SIZE, offset: (page - 1) * RUNS_PAGE_SIZE };
}
