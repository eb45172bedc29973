import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, type ResponseOf, unwrap } from '../../api/client';
import { runKeys } from '../runs/runs-queries';
import { RUN_LIST_REFRESH_MS } from '../runs/run-status';
import { type RunSearch, resultsQueryFor } from './run-search';

export type RunResult = ResponseOf<'/v1/runs/{id}/results', 'get'>['items'][number];

/**
 * A page of a run's results; refreshed while the run is live, as items finish. Liveness is part of
 * the key, so the moment the run ends the page is read once more, with every item final.
 */
export function runResultsQuery(runId: string, search: RunSearch, live: boolean) {
  const query = resultsQueryFor(search);
  return queryOptions({
    queryKey: [...runKeys.one(runId), 'results', query, live ? 'live' : 'final'],
    queryFn: () => unwrap(api.GET('/v1/runs/{id}/results', { params: { path: { id: runId }, query } })),
    placeholderData: keepPreviousData,
    refetchInterval: live ? RUN_LIST_REFRESH_MS : false,
  });
}
