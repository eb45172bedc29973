import type { ApiKeyScope } from '../api/enums';

export type Scope = ApiKeyScope;

/** What the console needs of a principal to decide what to show. */
export interface ScopedPrincipal {
  scopes: readonly Scope[];
}

const IMPLIED: Record<Scope, readonly Scope[]> = { read: ['read'], write: ['read', 'write'], admin: ['read', 'write', 'admin'] };

/** Whether a principal may do what `scope` allows; scopes imply the ones below them, as on the server. */
export function principalCan(principal: ScopedPrincipal | null | undefined, scope: Scope): boolean {
  if (!principal) return false;
  return principal.scopes.some((granted) => IMPLIED[granted]?.includes(scope));
}
