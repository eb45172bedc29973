import type { MiddlewareHandler } from 'hono';
import type { ApiKeyScope } from '@promptops/db';
import { grantsScope } from '@promptops/domain';
import { ForbiddenError } from '@promptops/errors';
import type { AppEnv } from '../../http/app-env';

/** Paths that need `admin` whatever the method: key management, admin pages, metrics. */
const ADMIN_PATHS = [/^\/v1\/keys(\/|$)/, /^\/admin(\/|$)/, /^\/metrics$/];
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Paths any key may read but only admin may change: what spends money is watched, and where alerts go. */
const ADMIN_WRITE_PATHS = [/^\/v1\/(budgets|alert-rules|webhooks)(\/|$)/];

/**
 * The one rule table for scopes, by method and path, so routes added anywhere are covered without
 * being listed: reads need `read`, other writes `write`, deletes and admin paths `admin`.
 */
export function requiredScope(method: string, path: string): ApiKeyScope {
  // Any key may see who it is signed in as and sign out.
  if (path === '/v1/session') return 'read';
  if (ADMIN_PATHS.some((pattern) => pattern.test(path))) return 'admin';
  const verb = method.toUpperCase();
  if (verb === 'DELETE') return 'admin';
  if (!READ_METHODS.has(verb) && ADMIN_WRITE_PATHS.some((pattern) => pattern.test(path))) return 'admin';
  return READ_METHODS.has(verb) ? 'read' : 'write';
}

/** Refuses a request whose principal lacks `requiredScope`; runs after `authentication`. */
export function authorization(): MiddlewareHandler<AppEnv> {
  return async function checkScope(c, next) {
    const principal = c.get('principal');
    // Public paths carry no principal; authentication already let them through.
    if (!principal || principal.kind === 'local') return next();
    const required = requiredScope(c.req.method, c.req.path);
    if (principal.kind === 'metrics_token') {
      if (c.req.path === '/metrics') return next();
      throw new ForbiddenError('The metrics token may only read /metrics');
    }
    if (!grantsScope(principal.scopes, required)) {
      throw new ForbiddenError(`This API key lacks the "${required}" scope`, { required_scope: required, key_scopes: principal.scopes });
    }
    return next();
  };
}
