import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { listRefetchInterval } from '../../components/executions/execution-status';
import type { ExecutionsQuery } from './execution-filters';

/** A page of executions; refreshed every 2 s while any of its rows is queued or running. */
export function executionsListQuery(query: ExecutionsQuery) {
  return queryOptions({
    queryKey: ['executions', 'list', query],
    queryFn: () => unwrap(api.GET('/v1/executions', { params: { query } })),
    // Filters and pages change the key; keep the previous rows on screen instead of flashing a spinner.
    placeholderData: keepPreviousData,
    refetchInterval: (current) => listRefetchInterval(current.state.data?.items),
    staleTime: 2000,
  });
}
