import type { Context } from 'hono';
import type { ApiKeyService, ConsoleSessionService } from '@promptops/domain';
import { readSessionCookie } from '../http/session-cookie';

const BEARER = /^Bearer +(\S+) *$/i;

export interface SignInCheckOptions {
  apiKeys: Pick<ApiKeyService, 'authenticate' | 'hasActiveKeys'>;
  sessions: Pick<ConsoleSessionService, 'resolve'>;
}

/**
 * Decides whether a console page first sends the browser to sign in: only once API keys exist,
 * and only when the request carries neither a live session cookie nor a valid key. Without keys
 * the console is served as the API is (to this machine only), so there is nothing to sign in with.
 */
export function consoleSignInCheck(options: SignInCheckOptions) {
  return async function needsSignIn(c: Context): Promise<boolean> {
    if (!(await options.apiKeys.hasActiveKeys())) return false;
    const key = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
    if (key && (await options.apiKeys.authenticate(key))) return false;
    const session = readSessionCookie(c);
    return !(session && (await options.sessions.resolve(session)));
  };
}
