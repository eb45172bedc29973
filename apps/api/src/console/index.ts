import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../http/app-env';
import { errorBody } from '../http/error-handler';
import { PAGE_SECURITY_HEADERS } from '../http/page-security-headers';
import { ASSETS_PATH, SIGN_IN_PATH, isConsoleRoute } from './console-paths';
import { fileInside, readDistFile, type DistFile } from './dist-files';
import { NOT_BUILT_PAGE } from './not-built-page';

export { isConsolePath } from './console-paths';

/** apps/web/dist, where `npm run build -w @promptops/web` writes the console. */
export const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL('../../../web/dist', import.meta.url));

export interface ConsoleOptions {
  /** Absolute path of the console's build: index.html, root files such as favicon.svg, and assets/. */
  dir: string;
  /** True when a console page must send the browser to sign in first (keys exist and it carries none). */
  needsSignIn: (c: Context<AppEnv>) => Promise<boolean>;
}

/** Bundle names carry a content hash, so a cached copy never goes stale. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** favicon.svg and friends keep their names across builds. */
const SHORT_LIVED = 'public, max-age=3600';

function sendFile(c: Context<AppEnv>, file: DistFile, cacheControl: string): Response {
  return c.body(file.body, 200, { 'Content-Type': file.contentType, 'Cache-Control': cacheControl, 'X-Content-Type-Options': 'nosniff' });
}

/**
 * Serves the web console's build: hashed assets, root files, and index.html for `/` and every
 * client-side route, so a deep link or a reload lands on the right page. The build is read per
 * request, so rebuilding it needs no restart.
 */
export function consoleRoutes(options: ConsoleOptions): Hono<AppEnv> {
  if (!path.isAbsolute(options.dir)) throw new Error(`The console directory must be an absolute path, got "${options.dir}"`);
  const distDir = path.resolve(options.dir);
  const assetsDir = path.join(distDir, 'assets');
  const app = new Hono<AppEnv>();

  app.get(`${ASSETS_PATH}/*`, async (c) => {
    const file = fileInside(assetsDir, c.req.path.slice(ASSETS_PATH.length + 1));
    const found = file === undefined ? undefined : await readDistFile(file);
    // No page fallback here: a missing bundle must fail loudly, not load HTML as script.
    if (!found) return c.json(errorBody('not_found', `No console asset at ${c.req.path}`), 404);
    return sendFile(c, found, IMMUTABLE);
  });

  /** A file directly in dist other than the page itself, e.g. /favicon.svg. */
  async function rootFile(requestPath: string): Promise<DistFile | undefined> {
    const file = fileInside(distDir, requestPath.slice(1));
    if (file === undefined || path.dirname(file) !== distDir || path.basename(file) === 'index.html') return undefined;
    return readDistFile(file);
  }

  app.get('*', async (c, next) => {
    const requestPath = c.req.path;
    if (!isConsoleRoute(requestPath)) return next();
    const root = await rootFile(requestPath);
    if (root) return sendFile(c, root, SHORT_LIVED);
    // Scripts and API clients asking for a missing path get the JSON 404, not a page.
    if (requestPath !== '/' && !c.req.header('accept')?.includes('text/html')) return next();
    if (requestPath !== SIGN_IN_PATH && (await options.needsSignIn(c))) {
      const url = new URL(c.req.url);
      c.header('Cache-Control', 'no-store');
      return c.redirect(`${SIGN_IN_PATH}?next=${encodeURIComponent(url.pathname + url.search)}`, 302);
    }
    const index = await readDistFile(path.join(distDir, 'index.html'));
    // no-cache: the page names the current bundles, so a browser must revalidate it after a rebuild.
    return c.body(index?.body ?? NOT_BUILT_PAGE, index ? 200 : 503, {
      ...PAGE_SECURITY_HEADERS,
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-cache',
    });
  });
  return app;
}
