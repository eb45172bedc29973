import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';
import { requestOrigin } from './request-origin';

/** Holds the console session's random token; the database keeps only its SHA-256. */
export const SESSION_COOKIE = 'promptops_session';

/**
 * Sent to every path (the JSON API, admin pages, the console), never readable by scripts, never
 * sent along with a request started by another site. No Max-Age: the server decides when a session
 * ends, and the browser forgets it when closed.
 */
function cookieOptions(c: Context, trustProxy: boolean): CookieOptions {
  return { path: '/', httpOnly: true, sameSite: 'Strict', secure: requestOrigin(c, trustProxy)?.startsWith('https:') ?? false };
}

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE) || undefined;
}

export function setSessionCookie(c: Context, token: string, trustProxy: boolean): void {
  setCookie(c, SESSION_COOKIE, token, cookieOptions(c, trustProxy));
}

export function clearSessionCookie(c: Context, trustProxy: boolean): void {
  deleteCookie(c, SESSION_COOKIE, cookieOptions(c, trustProxy));
}
