import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Hono } from 'hono';
import { PAGE_SECURITY_HEADERS } from '../http/page-security-headers';

export const DOCS_PATH = '/docs';

/** Swagger UI ships as plain files; they are served from this origin so the reference works offline. */
const SWAGGER_UI_DIR = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const SWAGGER_FILES = { 'swagger-ui.css': 'text/css; charset=utf-8', 'swagger-ui-bundle.js': 'text/javascript; charset=utf-8' } as const;

/**
 * Starts Swagger UI from a file rather than an inline script, so the page's policy allows scripts
 * from this origin only. The validator badge would call an outside service, hence validatorUrl null.
 */
const INIT_SCRIPT = `window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  persistAuthorization: true,
  tryItOutEnabled: true,
});
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>PromptOps API reference</title>
<link rel="stylesheet" href="${DOCS_PATH}/swagger-ui.css">
</head>
<body>
<p style="margin: 0.75rem 1.25rem; font-family: sans-serif"><a href="/">&larr; PromptOps console</a></p>
<div id="swagger-ui"></div>
<script src="${DOCS_PATH}/swagger-ui-bundle.js"></script>
<script src="${DOCS_PATH}/init.js"></script>
</body>
</html>
`;

/** Every path of the reference, all served without credentials. */
export const DOCS_PATHS: readonly string[] = [DOCS_PATH, `${DOCS_PATH}/init.js`, ...Object.keys(SWAGGER_FILES).map((name) => `${DOCS_PATH}/${name}`)];

/** The bundled files change only with the package version, which a restart brings. */
const CACHE_CONTROL = 'public, max-age=3600';

/** The interactive API reference: Swagger UI over /openapi.json, with nothing loaded from elsewhere. */
export function apiReference(): Hono {
  const app = new Hono();
  const loaded = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
  const load = (name: string) => {
    let file = loaded.get(name);
    if (!file) {
      file = readFile(path.join(SWAGGER_UI_DIR, name)) as Promise<Uint8Array<ArrayBuffer>>;
      // A failed read is not remembered, so the next request tries again.
      file.catch(() => loaded.delete(name));
      loaded.set(name, file);
    }
    return file;
  };

  app.get(DOCS_PATH, (c) => c.html(PAGE, 200, { ...PAGE_SECURITY_HEADERS, 'Cache-Control': 'no-cache' }));
  app.get(`${DOCS_PATH}/init.js`, (c) => c.body(INIT_SCRIPT, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' }));
  for (const [name, contentType] of Object.entries(SWAGGER_FILES)) {
    app.get(`${DOCS_PATH}/${name}`, async (c) =>
      c.body(await load(name), 200, { 'Content-Type': contentType, 'Cache-Control': CACHE_CONTROL, 'X-Content-Type-Options': 'nosniff' }),
    );
  }
  return app;
}
