import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { grantsScope, type ApiKeyService } from '@promptops/domain';
import { ForbiddenError, InvalidRequestError, UnauthorizedError } from '@promptops/errors';
import type { AdminSessions } from './admin-session';
import { QUEUE_DASHBOARD_PATH } from './queue-dashboard';

export const ADMIN_LOGIN_PATH = '/admin/login';
export const ADMIN_LOGOUT_PATH = '/admin/logout';

const LOGIN_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>PromptOps admin</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 28rem; margin: 4rem auto">
<h1>PromptOps admin</h1>
<form method="post" action="${ADMIN_LOGIN_PATH}">
<label>Admin API key<br><input name="key" type="password" autocomplete="off" required style="width: 100%"></label>
<p><button type="submit">Sign in</button></p>
</form></body></html>`;

/**
 * Browser sign-in for the admin pages: an admin API key is posted once (never put in a URL, where
 * it would reach logs and history) and exchanged for a signed session cookie.
 */
export function adminLogin(options: { apiKeys: Pick<ApiKeyService, 'authenticate'>; sessions: AdminSessions }): Hono {
  const app = new Hono();
  app.use('*', secureHeaders());
  app.get(ADMIN_LOGIN_PATH, (c) => c.html(LOGIN_PAGE));
  app.post(ADMIN_LOGIN_PATH, async (c) => {
    const form = await c.req.parseBody().catch(() => {
      throw new InvalidRequestError('Sign-in expects a form with the field "key"');
    });
    const key = typeof form.key === 'string' ? form.key.trim() : '';
    const principal = key ? await options.apiKeys.authenticate(key) : null;
    if (!principal) throw new UnauthorizedError('Invalid or revoked API key');
    if (!grantsScope(principal.scopes, 'admin')) throw new ForbiddenError('Admin pages need a key with the "admin" scope');
    await options.sessions.issue(c, principal.id);
    return c.redirect(QUEUE_DASHBOARD_PATH, 303);
  });
  app.post(ADMIN_LOGOUT_PATH, (c) => {
    options.sessions.clear(c);
    return c.redirect(ADMIN_LOGIN_PATH, 303);
  });
  return app;
}
