import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import type { Logger } from '@promptops/config';

const COOKIE_NAME = 'promptops_admin';
/** Browsers only send the cookie to admin pages, never to the JSON API. */
const COOKIE_PATH = '/admin';
const SESSION_SECONDS = 8 * 3600;

export interface AdminSessions {
  /** Whether a session may stand in for an API key on `path`; the JSON API always needs the key. */
  appliesTo(path: string): boolean;
  /** Starts a browser session acting as the admin key `keyId`. */
  issue(c: Context, keyId: string): Promise<void>;
  /** The key id of a valid, unexpired session cookie, or undefined. */
  read(c: Context): Promise<string | undefined>;
  clear(c: Context): void;
}

/**
 * Signed, HttpOnly, SameSite=Strict cookies holding `<key id>.<expiry>`; the key itself never
 * reaches the browser after login, and revoking the key ends its sessions at the next request.
 */
export function adminSessions(options: { secret: string | undefined; logger: Logger }): AdminSessions {
  let secret = options.secret;
  if (!secret) {
    secret = randomBytes(32).toString('hex');
    options.logger.warn('SESSION_SECRET is not set: using a random secret, so admin sessions end when this process restarts');
  }
  const signingSecret = secret;
  return {
    appliesTo: (path) => path === COOKIE_PATH || path.startsWith(`${COOKIE_PATH}/`),
    async issue(c, keyId) {
      const expiresAt = Math.floor(Date.now() / 1000) + SESSION_SECONDS;
      await setSignedCookie(c, COOKIE_NAME, `${keyId}.${expiresAt}`, signingSecret, {
        path: COOKIE_PATH,
        httpOnly: true,
        sameSite: 'Strict',
        secure: new URL(c.req.url).protocol === 'https:',
        maxAge: SESSION_SECONDS,
      });
    },
    async read(c) {
      const value = await getSignedCookie(c, signingSecret, COOKIE_NAME);
      if (!value) return undefined;
      const [keyId, expiresAt] = value.split('.');
      return keyId && Number(expiresAt) > Date.now() / 1000 ? keyId : undefined;
    },
    clear(c) {
      deleteCookie(c, COOKIE_NAME, { path: COOKIE_PATH });
    },
  };
}
