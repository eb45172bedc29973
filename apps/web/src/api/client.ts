import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError } from './api-error';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

type JsonContent<R> = R extends { content: { 'application/json': infer T } } ? T : never;

/** The JSON body of a route's success answer, e.g. `ResponseOf<'/v1/templates/{id}', 'get'>`. */
export type ResponseOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R }
  ? JsonContent<R[Extract<keyof R, 200 | 201 | 202>]>
  : never;

/** The JSON request body of a route. */
export type RequestBodyOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { requestBody?: infer B }
  ? JsonContent<NonNullable<B>>
  : never;

/** The query parameters of a route. */
export type QueryOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** Sent on every console request; the API refuses cookie-authenticated writes without it (CSRF). */
export const CSRF_HEADER = 'X-PromptOps-CSRF';
const SESSION_PATH = '/v1/session';

/** Where the sign-in page sends the user back to after signing in. */
export function signInUrl(next: string = window.location.pathname + window.location.search): string {
  return `/sign-in?next=${encodeURIComponent(next)}`;
}

const sessionExpiry: Middleware = {
  onResponse({ request, response }) {
    // A session that ended (signed out elsewhere, key revoked, expired) sends the user to sign in
    // again instead of leaving every page showing "unauthorized".
    if (response.status === 401 && new URL(request.url).pathname !== SESSION_PATH && window.location.pathname !== '/sign-in') {
      window.location.assign(signInUrl());
    }
    return response;
  },
};

/** The typed client of the JSON API, generated from /openapi.json; the session cookie authenticates it. */
export const api = createClient<paths>({
  baseUrl: window.location.origin,
  credentials: 'same-origin',
  headers: { [CSRF_HEADER]: '1' },
});
api.use(sessionExpiry);

type ApiResult<T> = { data?: T; error?: unknown; response: Response };

/** The answer's data, or an ApiError carrying the API's error type, message and details. */
export async function unwrap<T>(request: Promise<ApiResult<T>>): Promise<T> {
  let result: ApiResult<T>;
  try {
    result = await request;
  } catch (cause) {
    throw new ApiError(0, 'network_error', `Cannot reach the server: ${(cause as Error).message}`);
  }
  if (!result.response.ok) throw ApiError.fromBody(result.response.status, result.error);
  return result.data as T;
}
