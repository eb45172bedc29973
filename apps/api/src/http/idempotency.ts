import type { Context } from 'hono';
import { idempotencyClaim, type IdempotencyClaim } from '@promptops/domain';
import type { AppEnv } from './app-env';

/**
 * The claim an `Idempotency-Key` makes for this request: the key holds only for the same method,
 * route and path parameters (so a key sent to dataset A's runs never answers for dataset B's), and
 * only for the same body. Call it from the route's handler, where `routePath` is the route's pattern.
 */
export function idempotencyOf(c: Context<AppEnv>, key: string | undefined, body: unknown): IdempotencyClaim | undefined {
  if (key === undefined) return undefined;
  const params = Object.entries(c.req.param() as Record<string, string>)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => ` ${name}=${value}`)
    .join('');
  return idempotencyClaim(key, `${c.req.method} ${c.req.routePath}${params}`, body);
}
