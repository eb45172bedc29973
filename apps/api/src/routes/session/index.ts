import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { API_KEY_SCOPES } from '@promptops/db';
import type { DomainServices } from '@promptops/domain';
import { UnauthorizedError } from '@promptops/errors';
import type { AppEnv } from '../../http/app-env';
import { errorResponses, jsonResponse } from '../../http/common-schemas';
import { createRouter } from '../../http/create-router';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from '../../http/session-cookie';
import { SESSION_TAGS, SessionCookieHeaderSchema, SessionSchema, SignedInSchema, SignInBodySchema } from './session-schemas';

/** Public for POST (signing in needs no session); GET and DELETE need one, or a key. */
export const SESSION_PATH = '/v1/session';

const signIn = createRoute({
  method: 'post',
  path: '/session',
  tags: SESSION_TAGS,
  summary: 'Sign a browser in with an API key: sets an HttpOnly session cookie acting as that key (8 h after its last use)',
  // Needs no credentials: the key is in the body.
  security: [],
  request: { body: { required: true, content: { 'application/json': { schema: SignInBodySchema } } } },
  responses: {
    200: { ...jsonResponse(SignedInSchema, 'Signed in'), headers: SessionCookieHeaderSchema },
    ...errorResponses(400, 401, 413, 429),
  },
});

const currentSession = createRoute({
  method: 'get',
  path: '/session',
  tags: SESSION_TAGS,
  summary: 'Who the request acts as: the signed-in key, or `local` while no key exists and the client is on this machine',
  responses: { 200: jsonResponse(SessionSchema, 'The caller'), ...errorResponses(401, 403, 429) },
});

const signOut = createRoute({
  method: 'delete',
  path: '/session',
  tags: SESSION_TAGS,
  summary: 'Sign out: ends the session on the server and clears the cookie (any scope)',
  responses: { 204: { description: 'Signed out' }, ...errorResponses(401, 403, 429) },
});

export function sessionRoutes(services: DomainServices, options: { trustProxy: boolean }): OpenAPIHono<AppEnv> {
  const router = createRouter();

  router.openapi(signIn, async (c) => {
    const key = await services.apiKeys.authenticate(c.req.valid('json').key);
    if (!key) throw new UnauthorizedError('Invalid or revoked API key');
    setSessionCookie(c, await services.consoleSessions.create(key.id), options.trustProxy);
    return c.json({ principal: { kind: 'api_key' as const, key_id: key.id, name: key.name, scopes: key.scopes } }, 200);
  });

  router.openapi(currentSession, async (c) => {
    const principal = c.get('principal');
    if (principal?.kind === 'api_key') {
      return c.json({ principal: { kind: 'api_key' as const, key_id: principal.key_id, name: principal.name, scopes: principal.scopes } }, 200);
    }
    if (principal?.kind === 'local') return c.json({ principal: { kind: 'local' as const, scopes: [...API_KEY_SCOPES] } }, 200);
    // Authorization lets the metrics token reach /metrics only, so this is never a signed-in caller.
    throw new UnauthorizedError('Not signed in');
  });

  router.openapi(signOut, async (c) => {
    const token = readSessionCookie(c);
    if (token) await services.consoleSessions.revoke(token);
    clearSessionCookie(c, options.trustProxy);
    return c.body(null, 204);
  });

  return router;
}
