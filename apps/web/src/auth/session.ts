import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError } from '../api/api-error';
import { api, type ResponseOf, unwrap } from '../api/client';
import { principalCan, type Scope } from './scopes';

export { principalCan, type Scope };

export type Principal = ResponseOf<'/v1/session', 'get'>['principal'];

/** Who the console acts as; null when signed out. Local mode (no key exists yet, loopback) counts as signed in. */
export const sessionQuery = queryOptions({
  queryKey: ['session'],
  staleTime: 60_000,
  queryFn: async (): Promise<Principal | null> => {
    try {
      return (await unwrap(api.GET('/v1/session'))).principal;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return null;
      throw error;
    }
  },
});

export function useSession(): Principal | null {
  return useQuery(sessionQuery).data ?? null;
}

/** Whether the signed-in key may do what `scope` allows: write actions are hidden from read-only keys. */
export function useCan(scope: Scope): boolean {
  return principalCan(useSession(), scope);
}
