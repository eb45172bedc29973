import { API_KEY_SCOPES, type ApiKeyScope } from '@promptops/db';

/** Each scope includes the ones before it: `admin` can write and read, `write` can read. */
const RANK: Record<ApiKeyScope, number> = { read: 0, write: 1, admin: 2 };

export function grantsScope(scopes: readonly ApiKeyScope[], required: ApiKeyScope): boolean {
  return scopes.some((scope) => RANK[scope] >= RANK[required]);
}

export function isApiKeyScope(value: string): value is ApiKeyScope {
  return (API_KEY_SCOPES as readonly string[]).includes(value);
}
