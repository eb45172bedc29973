import { Hono, type MiddlewareHandler } from 'hono';
import { SIGN_IN_PATH } from '../console/console-paths';
import { QUEUE_DASHBOARD_PATH } from './queue-dashboard';

/** Where the removed admin form lived; old bookmarks still lead somewhere useful. */
export const ADMIN_LOGIN_PATH = '/admin/login';

function signInLocation(next: string): string {
  return `${SIGN_IN_PATH}?next=${encodeURIComponent(next)}`;
}

/**
 * `GET /admin/login` sends the browser to the console's sign-in page, whose session opens the admin
 * pages too, and from there back to the queues.
 */
export function adminSignIn(): Hono {
  const app = new Hono();
  app.get(ADMIN_LOGIN_PATH, (c) => c.redirect(signInLocation(QUEUE_DASHBOARD_PATH), 302));
  return app;
}

/**
 * A person opening an admin page without a session gets the sign-in page, and comes back after
 * signing in, instead of a JSON 401; scripts (which do not ask for HTML) still get the 401.
 * Registered before authentication, so it sees the 401 that authentication answers.
 */
export const redirectBrowsersToSignIn: MiddlewareHandler = async function redirectBrowsersToSignIn(c, next) {
  await next();
  if (c.res.status !== 401 || c.req.method !== 'GET' || !c.req.header('accept')?.includes('text/html')) return;
  const url = new URL(c.req.url);
  const headers = new Headers(c.res.headers);
  for (const name of ['content-type', 'content-length', 'www-authenticate']) headers.delete(name);
  headers.set('location', signInLocation(`${url.pathname}${url.search}`));
  // Cleared first: assigning over a response would copy its headers back in.
  c.res = undefined;
  c.res = new Response(null, { status: 302, headers });
};
