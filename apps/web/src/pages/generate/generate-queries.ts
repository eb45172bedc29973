import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** The configured providers; they change only when the server restarts. */
export const providersQuery = queryOptions({
  queryKey: ['providers'],
  queryFn: () => unwrap(api.GET('/v1/providers')),
  staleTime: 5 * 60_000,
});
