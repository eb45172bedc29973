import type { ResponseOf } from '../../api/client';
import { API_KEY_SCOPES } from '../../api/enums';

export type ApiKey = ResponseOf<'/v1/keys', 'get'>['items'][number];
export type KeyScope = ApiKey['scopes'][number];

export const KEY_SCOPES = API_KEY_SCOPES satisfies readonly KeyScope[];

export const SCOPE_DESCRIPTIONS: Record<KeyScope, string> = {
  read: 'List and read templates, executions, datasets and runs',
  write: 'Also create and change templates, run executions, generate',
  admin: 'Also manage API keys and open the queue dashboard',
};

const RANK: Record<KeyScope, number> = { read: 0, write: 1, admin: 2 };

/** Every scope a selection grants: admin includes write, which includes read (as on the server). */
export function grantedScopes(selected: readonly KeyScope[]): Set<KeyScope> {
  const top = Math.max(-1, ...selected.map((scope) => RANK[scope]));
  return new Set(KEY_SCOPES.filter((scope) => RANK[scope] <= top));
}

/** Whether a checkbox is ticked only because a higher scope is (it is then shown ticked and locked). */
export function isImplied(scope: KeyScope, selected: readonly KeyScope[]): boolean {
  return !selected.includes(scope) && grantedScopes(selected).has(scope);
}

/** Ticks or unticks one scope; what is sent is the highest one, the others being implied. */
export function toggleScope(selected: readonly KeyScope[], scope: KeyScope, checked: boolean): KeyScope[] {
  const next = checked ? [...selected, scope] : selected.filter((item) => item !== scope);
  const granted = grantedScopes(next);
  const top = KEY_SCOPES.filter((item) => granted.has(item)).at(-1);
  return top ? [top] : [];
}

/** The broadest scope of a key, for its badge: admin, write or read. */
export function broadestScope(scopes: readonly KeyScope[]): KeyScope | null {
  const granted = KEY_SCOPES.filter((scope) => grantedScopes(scopes).has(scope));
  return granted.at(-1) ?? null;
}

/** Active keys first, newest first within each group. */
export function sortKeys(keys: readonly ApiKey[]): ApiKey[] {
  return [...keys].sort((a, b) => {
    if ((a.revoked_at === null) !== (b.revoked_at === null)) return a.revoked_at === null ? -1 : 1;
    return Date.parse(b.created_at) - Date.parse(a.created_at);
  });
}
