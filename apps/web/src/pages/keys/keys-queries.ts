import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export const keysQuery = queryOptions({
  queryKey: ['keys'],
  queryFn: () => unwrap(api.GET('/v1/keys')),
});
