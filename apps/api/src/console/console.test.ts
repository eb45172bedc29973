import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@promptops/config';
import { createApp } from '../app';
import { createTestApp, type TestApp } from '../testing/create-test-app';

const INDEX_HTML = '<!doctype html><html><head><script type="module" src="/assets/app-abc123.js"></script></head><body><div id="root"></div></body></html>';
const APP_JS = 'console.log("console bundle");';
const FAVICON = '<svg xmlns="http://www.w3.org/2000/svg"></svg>';
const OUTSIDE_SECRET = 'not-for-the-web';
const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

let t: TestApp;
let workDir: string;
let app: ReturnType<typeof createApp>;

const appServing = (consoleDir: string) => createApp({ ...t.platform, logger: createLogger({ level: 'silent' }), trustInProcess: true, consoleDir });

beforeAll(async () => {
  t = await createTestApp();
  workDir = await mkdtemp(path.join(tmpdir(), 'promptops-console-'));
  const dist = path.join(workDir, 'dist');
  await mkdir(path.join(dist, 'assets'), { recursive: true });
  await writeFile(path.join(dist, 'index.html'), INDEX_HTML);
  await writeFile(path.join(dist, 'favicon.svg'), FAVICON);
  await writeFile(path.join(dist, 'assets', 'app-abc123.js'), APP_JS);
  // Beside dist, as package.json is beside the real one: a traversal would reach it.
  await writeFile(path.join(workDir, 'secret.txt'), OUTSIDE_SECRET);
  app = appServing(dist);
});

afterAll(async () => {
  await t?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

async function expectJsonNotFound(response: Response) {
  expect(response.status).toBe(404);
  expect(response.headers.get('content-type')).toContain('application/json');
  expect(((await response.json()) as { error: { type: string } }).error.type).toBe('not_found');
}

describe('web console', () => {
  it('serves hashed assets as immutable files with their content type', async () => {
    const response = await app.request('/assets/app-abc123.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toBe(APP_JS);

    const head = await app.request('/assets/app-abc123.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await head.text()).toBe('');
  });

  it('answers a missing asset with a JSON 404, never with the page', async () => {
    await expectJsonNotFound(await app.request('/assets/missing.js', { headers: HTML }));
    await expectJsonNotFound(await app.request('/assets/', { headers: HTML }));
  });

  it('refuses paths that climb out of the build', async () => {
    for (const attempt of [
      '/assets/..%2F..%2Fsecret.txt',
      '/assets/..%2F..%2Fpackage.json',
      '/assets/%2E%2E%2F%2E%2E%2Fsecret.txt',
      '/assets/..%5C..%5Csecret.txt',
    ]) {
      const response = await app.request(attempt, { headers: HTML });
      expect(response.status, attempt).toBe(404);
      expect(await response.text(), attempt).not.toContain(OUTSIDE_SECRET);
    }
    // Names no file system holds are just absent.
    await expectJsonNotFound(await app.request(`/assets/${'a'.repeat(300)}.js`));
    await expectJsonNotFound(await app.request('/assets/a%00.js'));
    expect(await (await app.request(`/${'a'.repeat(300)}`, { headers: HTML })).text()).toBe(INDEX_HTML);
    // Without encoding, the URL itself normalises the dots away: it is then just a client route.
    const normalised = await app.request('/assets/../../secret.txt', { headers: HTML });
    expect(await normalised.text()).toBe(INDEX_HTML);
  });

  it('serves root files of the build with a short cache', async () => {
    const response = await app.request('/favicon.svg');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('image/svg+xml');
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(await response.text()).toBe(FAVICON);
  });

  it('answers / and every client-side route with index.html, uncached, under a strict policy', async () => {
    for (const route of ['/', '/templates/Foo', '/executions?status=failed', '/index.html', '/sign-in']) {
      const response = await app.request(route, { headers: HTML });
      expect(response.status, route).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toBe(INDEX_HTML);
      const policy = response.headers.get('content-security-policy') ?? '';
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "connect-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "frame-ancestors 'none'",
      ]) {
        expect(policy).toContain(directive);
      }
      expect(policy).not.toMatch(/https?:/);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
    const head = await app.request('/templates/Foo', { method: 'HEAD', headers: HTML });
    expect(head.status).toBe(200);
    expect(head.headers.get('cache-control')).toBe('no-cache');
  });

  it('leaves the API, the probes and non-page requests to their own answers', async () => {
    await expectJsonNotFound(await app.request('/v1/nope', { headers: HTML }));
    await expectJsonNotFound(await app.request('/admin', { headers: HTML }));
    await expectJsonNotFound(await app.request('/templates/Foo', { headers: { accept: 'application/json' } }));
    await expectJsonNotFound(await app.request('/templates/Foo', { method: 'POST', headers: HTML }));
    expect(await (await app.request('/healthz', { headers: HTML })).json()).toEqual({ status: 'ok' });
    expect((await app.request('/openapi.json', { headers: HTML })).headers.get('content-type')).toContain('application/json');
  });

  it('says how to build the console when its build is missing', async () => {
    const response = await appServing(path.join(workDir, 'no-such-dist')).request('/', { headers: HTML });
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('npm run build -w @promptops/web');
  });

  it('once keys exist, sends browsers without a session or key to /sign-in, and keeps assets public', async () => {
    const key = await t.services.apiKeys.create({ name: 'console reader', scopes: ['read'] });

    const redirected = await app.request('/templates/Foo?tab=versions', { headers: HTML });
    expect(redirected.status).toBe(302);
    expect(redirected.headers.get('location')).toBe(`/sign-in?next=${encodeURIComponent('/templates/Foo?tab=versions')}`);
    expect((await app.request('/', { headers: HTML })).headers.get('location')).toBe('/sign-in?next=%2F');

    expect(await (await app.request('/sign-in?next=%2F', { headers: HTML })).text()).toBe(INDEX_HTML);
    expect((await app.request('/assets/app-abc123.js')).status).toBe(200);
    expect((await app.request('/favicon.svg')).status).toBe(200);

    const withKey = await app.request('/templates/Foo', { headers: { ...HTML, authorization: `Bearer ${key.key}` } });
    expect(await withKey.text()).toBe(INDEX_HTML);

    const token = await t.services.consoleSessions.create(key.id);
    const withSession = await app.request('/templates/Foo', { headers: { ...HTML, cookie: `promptops_session=${token}` } });
    expect(await withSession.text()).toBe(INDEX_HTML);
    expect((await app.request('/templates/Foo', { headers: { ...HTML, cookie: 'promptops_session=forged' } })).status).toBe(302);

    // The JSON API behind the console still needs credentials.
    expect((await app.request('/v1/templates', { headers: HTML })).status).toBe(401);
  });
});
