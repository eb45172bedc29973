import type { ConsoleServer } from './console-server';

/**
 * The API in process, authenticated as one key: for setting a scene faster than clicking, and for
 * checking that what the console showed is what the server stored. Once a key exists, an
 * unauthenticated in-process call is refused like any other.
 */
export function apiAs(server: ConsoleServer, key: string): ConsoleServer['pipeline']['call'] {
  return (method, path, body) => server.pipeline.call(method, path, body, { authorization: `Bearer ${key}` });
}
