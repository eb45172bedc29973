import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError } from '../api/api-error';
import { api, type ResponseOf, unwrap } from '../api/client';

export type Principal = ResponseOf<'/v1/session', 'get'>['principal'];
export type Scope = 'read' | 'write' | 'admin';

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

const IMPLIED: Record<Scope, Scope[]> = { read: ['read'], write: ['read', 'write'], admin: ['read', 'write', 'admin'] };

/** Whether a principal may do what `scope` allows; scopes imply the ones below them, as on the server. */
export function principalCan(principal: Principal | null | undefined, scope: Scope): boolean {
  if (!principal) return false;
  return principal.scopes.some((granted) => IMPLIED[granted as Scope]?.includes(scope));
}

export function useSession(): Principal | null {
  return useQuery(sessionQuery).data ?? null;
}

/** Whether the signed-in key may do what `scope` allows: write actions are hidden from read-only keys. */
export function useCan(scope: Scope): boolean {
  return principalCan(useSession(), scope);
}
