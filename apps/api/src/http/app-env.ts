import type { ApiKeyScope } from '@promptops/db';

/** Who a request acts as, set by the authentication middleware; never holds a key or token. */
export type Principal =
  | { kind: 'api_key'; key_id: string; name: string; scopes: ApiKeyScope[] }
  /** No API key exists yet and the client is on this machine (or a test driving the app in-process). */
  | { kind: 'local' }
  /** Holder of METRICS_TOKEN, which may read /metrics only. */
  | { kind: 'metrics_token' };

/** Values middleware puts on the Hono context for handlers to read. */
export type AppEnv = {
  Variables: {
    requestId: string;
    principal?: Principal;
    /** The console session cookie, not a header, identified the caller: the CSRF checks apply. */
    sessionAuthenticated?: boolean;
  };
};
