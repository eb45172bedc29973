import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** Template names for pickers: one row per name, the first 200 by name. */
export const templateNamesQuery = queryOptions({
  queryKey: ['templates', 'names'],
  queryFn: async () => (await unwrap(api.GET('/v1/templates', { params: { query: { per_name: 'true', limit: 200, sort: 'name' } } }))).items,
  staleTime: 30_000,
});
