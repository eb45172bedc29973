/** Where the console's build puts its hashed bundles; served as files, never as the page. */
export const ASSETS_PATH = '/assets';
/** The console's own sign-in page, reachable without a session. */
export const SIGN_IN_PATH = '/sign-in';

/** Path prefixes the server answers itself; every other path belongs to the console's router. */
const SERVER_PREFIXES = ['/v1', '/admin', '/docs', '/openapi.json', '/healthz', '/readyz', '/metrics', ASSETS_PATH];

export function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** A client-side route of the console (`/`, `/templates/Foo`, …), answered with its index.html. */
export function isConsoleRoute(path: string): boolean {
  return !SERVER_PREFIXES.some((prefix) => isUnder(path, prefix));
}

/** Any path the console serves: its routes and its assets. */
export function isConsolePath(path: string): boolean {
  return isConsoleRoute(path) || isUnder(path, ASSETS_PATH);
}
