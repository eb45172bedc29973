import type { Context, TypedResponse } from 'hono';

/**
 * Answers with JSON the domain already serialised (see JsonText), as `c.json` would with the object,
 * without this thread parsing or serialising hundreds of KB again. `T` is the object `json` holds,
 * as the route's response schema declares it.
 */
export function jsonText<T>(c: Context, json: string): Response & TypedResponse<T, 200, 'json'> {
  return c.newResponse(json, 200, { 'Content-Type': 'application/json' }) as Response & TypedResponse<T, 200, 'json'>;
}
