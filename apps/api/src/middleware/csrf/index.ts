import type { MiddlewareHandler } from 'hono';
import { CsrfRejectedError } from '@promptops/errors';
import type { AppEnv } from '../../http/app-env';
import { requestOrigin } from '../../http/request-origin';

/** Sent by the console's fetch client on every request; another site cannot add it without CORS. */
export const CSRF_HEADER = 'X-PromptOps-CSRF';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const isJsonApiPath = (path: string) => path === '/v1' || path.startsWith('/v1/');

/**
 * Refuses state-changing requests that a browser may have sent on another site's behalf. Only
 * requests authenticated by the session cookie are at risk (a browser attaches cookies on its own,
 * never an Authorization header), so only they are checked: the browser must say the request is
 * same-origin (Sec-Fetch-Site), any Origin must be this server's, and JSON API calls must carry
 * CSRF_HEADER. Bull Board's own client cannot send that header, so admin pages get the first two.
 */
export function csrfProtection(options: { trustProxy: boolean }): MiddlewareHandler<AppEnv> {
  return async function checkCsrf(c, next) {
    if (!c.get('sessionAuthenticated') || SAFE_METHODS.has(c.req.method)) return next();
    const site = c.req.header('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin') {
      throw new CsrfRejectedError('Refused a request another site started (Sec-Fetch-Site is not same-origin)', { reason: 'sec_fetch_site' });
    }
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== requestOrigin(c, options.trustProxy)) {
      throw new CsrfRejectedError('Refused a request whose Origin is not this server', { reason: 'origin' });
    }
    if (isJsonApiPath(c.req.path) && c.req.header(CSRF_HEADER) !== '1') {
      throw new CsrfRejectedError(`Requests signed in by the session cookie must send "${CSRF_HEADER}: 1"`, { reason: 'missing_header' });
    }
    return next();
  };
}
