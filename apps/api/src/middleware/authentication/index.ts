import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { ApiKeyService, ConsoleSessionService } from '@promptops/domain';
import { ForbiddenError, UnauthorizedError } from '@promptops/errors';
import type { AppEnv, Principal } from '../../http/app-env';
import { clientAddressOf, isLoopbackAddress } from '../../http/client-address';
import { readSessionCookie } from '../../http/session-cookie';

export interface AuthenticationOptions {
  apiKeys: Pick<ApiKeyService, 'authenticate' | 'hasActiveKeys'>;
  sessions: Pick<ConsoleSessionService, 'resolve'>;
  /** Requests served to anyone (health checks, the sign-in endpoint). */
  isPublic: (path: string, method: string) => boolean;
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
 * Works out who is calling: an API key (`Authorization: Bearer`, which wins over anything else), a
 * console session cookie, the metrics token, or, only while no active key exists, a client on this
 * machine. Everything else is refused before any handler runs.
 */
export function authentication(options: AuthenticationOptions): MiddlewareHandler<AppEnv> {
  if (options.metricsToken !== undefined && options.metricsToken.length < 16) {
    throw new Error('metricsToken must be at least 16 characters');
  }

  async function fromBearer(authorization: string, path: string): Promise<Principal> {
    const token = BEARER.exec(authorization)?.[1];
    if (!token) throw new UnauthorizedError('Authorization must be "Bearer <API key>"');
    if (path === '/metrics' && options.metricsToken && sameSecret(token, options.metricsToken)) return { kind: 'metrics_token' };
    const key = await options.apiKeys.authenticate(token);
    if (!key) throw new UnauthorizedError('Invalid or revoked API key');
    return { kind: 'api_key', key_id: key.id, name: key.name, scopes: key.scopes };
  }

  function isLocal(c: Context): boolean {
    const client = clientAddressOf(c);
    return client.kind === 'in_process' ? options.trustInProcess === true : isLoopbackAddress(client.address);
  }

  return async function authenticate(c, next) {
    if (options.isPublic(c.req.path, c.req.method)) return next();
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      c.set('principal', await fromBearer(authorization, c.req.path));
      return next();
    }
    const sessionToken = readSessionCookie(c);
    const sessionKey = sessionToken ? await options.sessions.resolve(sessionToken) : null;
    if (sessionKey) {
      c.set('principal', { kind: 'api_key', key_id: sessionKey.id, name: sessionKey.name, scopes: sessionKey.scopes });
      c.set('sessionAuthenticated', true);
      return next();
    }
    if (await options.apiKeys.hasActiveKeys()) {
      throw new UnauthorizedError(
        sessionToken ? 'The console session has ended; sign in again' : 'Missing API key: send "Authorization: Bearer <API key>" or sign in',
      );
    }
    if (!isLocal(c))
      throw new ForbiddenError(
        'No API key exists yet, so only clients on this machine are served; create one here with `npx promptops keys create --name admin --scope admin`',
      );
    c.set('principal', { kind: 'local' });
    return next();
  };
}
