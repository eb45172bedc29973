import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { ApiKeyService } from '@promptops/domain';
import { ForbiddenError, UnauthorizedError } from '@promptops/errors';
import type { AdminSessions } from '../../admin/admin-session';
import type { AppEnv, Principal } from '../../http/app-env';
import { clientAddressOf, isLoopbackAddress } from '../../http/client-address';

export interface AuthenticationOptions {
  apiKeys: Pick<ApiKeyService, 'authenticate' | 'findActive' | 'hasActiveKeys'>;
  sessions: AdminSessions;
  /** Paths served to anyone (health checks, the login page). */
  isPublic: (path: string) => boolean;
  /** Extra bearer token accepted for /metrics only, so Prometheus needs no admin key. */
  metricsToken?: string | undefined;
  /**
   * Treat a request without any socket (`app.request()` in tests) like a loopback client while no
   * key exists. Real connections are never affected by this.
   */
  trustInProcess?: boolean;
}

const BEARER = /^Bearer +(\S+) *$/i;

function sameSecret(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Works out who is calling: an API key (`Authorization: Bearer`), an admin browser session, the
 * metrics token, or, only while no active key exists, a client on this machine. Everything else
 * is refused before any handler runs.
 */
export function authentication(options: AuthenticationOptions): MiddlewareHandler<AppEnv> {
  if (options.metricsToken !== undefined && options.metricsToken.length < 16) {
    throw new Error('metricsToken must be at least 16 characters');
  }

  async function identify(authorization: string | undefined, path: string, readSession: () => Promise<string | undefined>, local: () => boolean): Promise<Principal> {
    if (authorization !== undefined) {
      const token = BEARER.exec(authorization)?.[1];
      if (!token) throw new UnauthorizedError('Authorization must be "Bearer <API key>"');
      if (path === '/metrics' && options.metricsToken && sameSecret(token, options.metricsToken)) return { kind: 'metrics_token' };
      const key = await options.apiKeys.authenticate(token);
      if (!key) throw new UnauthorizedError('Invalid or revoked API key');
      return { kind: 'api_key', key_id: key.id, scopes: key.scopes };
    }
    const sessionKeyId = await readSession();
    const sessionKey = sessionKeyId ? await options.apiKeys.findActive(sessionKeyId) : null;
    if (sessionKey) return { kind: 'api_key', key_id: sessionKey.id, scopes: sessionKey.scopes };
    if (await options.apiKeys.hasActiveKeys()) throw new UnauthorizedError('Missing API key: send "Authorization: Bearer <API key>"');
    if (local()) return { kind: 'local' };
    throw new ForbiddenError('No API key exists yet, so only clients on this machine are served; create one with `promptops keys create`');
  }

  return async function authenticate(c, next) {
    if (options.isPublic(c.req.path)) return next();
    const principal = await identify(
      c.req.header('authorization'),
      c.req.path,
      async () => (options.sessions.appliesTo(c.req.path) ? options.sessions.read(c) : undefined),
      () => {
        const client = clientAddressOf(c);
        return client.kind === 'in_process' ? options.trustInProcess === true : isLoopbackAddress(client.address);
      },
    );
    c.set('principal', principal);
    return next();
  };
}
