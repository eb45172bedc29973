import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { createTestApp, type TestApp } from '../../testing/create-test-app';

let t: TestApp;
const keys = {} as Record<'admin' | 'write' | 'read', { id: string; key: string }>;

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
/** What the console's fetch client sends with every request. */
const CONSOLE_HEADERS = { 'x-promptops-csrf': '1', 'sec-fetch-site': 'same-origin', origin: 'http://localhost' };

async function signIn(key: string, url = '/v1/session', headers: Record<string, string> = {}, app = t.app): Promise<Response> {
  return app.request(url, { method: 'POST', body: JSON.stringify({ key }), headers: { 'content-type': 'application/json', ...headers } });
}

/** The `name=value` part of the session cookie a sign-in set. */
async function sessionCookie(key: string): Promise<string> {
  const response = await signIn(key);
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

async function sessionRows(keyId: string): Promise<{ token_hash: string }[]> {
  return t.db.orm.em.fork().getConnection().execute(`select token_hash from console_sessions where api_key_id = ?`, [keyId]);
}

async function templateCount(): Promise<number> {
  const [row] = await t.db.orm.em.fork().getConnection().execute<{ count: string }[]>(`select count(*) from prompt_templates`);
  return Number(row!.count);
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('console sessions', () => {
  it('answers kind "local" with every scope while no key exists and the client is on this machine', async () => {
    const session = await t.call('GET', '/v1/session');
    expect(session.status).toBe(200);
    expect(session.body).toEqual({ principal: { kind: 'local', scopes: ['read', 'write', 'admin'] } });
    for (const [name, scopes] of [
      ['admin', ['admin']],
      ['write', ['write']],
      ['read', ['read']],
    ] as const) {
      const created = await t.call('POST', '/v1/keys', { name, scopes }, name === 'admin' ? {} : bearer(keys.admin.key));
      keys[name] = { id: created.body.id, key: created.body.key };
    }
    expect((await t.call('GET', '/v1/session')).status).toBe(401);
  });

  it('signs in with a key: an HttpOnly, SameSite=Strict cookie for every path, holding a token whose hash only is stored', async () => {
    const response = await signIn(keys.write.key);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ principal: { kind: 'api_key', key_id: keys.write.id, name: 'write', scopes: ['write'] } });
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^promptops_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(cookie).not.toContain(keys.write.key);
    const token = cookie.split(';')[0]!.split('=')[1]!;
    expect(await sessionRows(keys.write.id)).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex') }]);

    const session = await t.call('GET', '/v1/session', undefined, { cookie: cookie.split(';')[0]! });
    expect(session.body).toEqual({ principal: { kind: 'api_key', key_id: keys.write.id, name: 'write', scopes: ['write'] } });
  });

  it('marks the cookie Secure over https, or behind a trusted proxy that says https', async () => {
    const secure = (response: Response) => /;\s*Secure/.test(response.headers.get('set-cookie') ?? '');
    expect(secure(await signIn(keys.read.key, 'https://localhost/v1/session'))).toBe(true);
    expect(secure(await signIn(keys.read.key))).toBe(false);
    // Anyone can send X-Forwarded-Proto; it counts only when TRUST_PROXY says a proxy sets it.
    expect(secure(await signIn(keys.read.key, '/v1/session', { 'x-forwarded-proto': 'https' }))).toBe(false);
    const behindProxy = createApp({ ...t.platform, config: { ...t.config, trustProxy: true } });
    expect(secure(await signIn(keys.read.key, '/v1/session', { 'x-forwarded-proto': 'https' }, behindProxy))).toBe(true);
    expect(secure(await signIn(keys.read.key, '/v1/session', { 'x-forwarded-proto': 'http' }, behindProxy))).toBe(false);
  });

  it('refuses a wrong or revoked key with 401 and the standard error body, storing nothing', async () => {
    const { id, key } = (await t.call('POST', '/v1/keys', { name: 'gone', scopes: ['read'] }, bearer(keys.admin.key))).body;
    await t.call('DELETE', `/v1/keys/${id}`, undefined, bearer(keys.admin.key));
    for (const wrong of [`po_${'f'.repeat(32)}_${'w'.repeat(43)}`, key, 'not a key']) {
      const response = await t.call('POST', '/v1/session', { key: wrong });
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ error: { type: 'unauthorized', message: 'Invalid or revoked API key', details: null } });
      expect(response.headers.get('set-cookie')).toBeNull();
    }
    expect(await sessionRows(id)).toEqual([]);
    expect((await t.call('POST', '/v1/session', { key: '' })).status).toBe(400);
    expect((await t.call('POST', '/v1/session', { key: keys.read.key, extra: 1 })).status).toBe(400);
  });

  it('authenticates JSON API calls with the key scopes', async () => {
    const reader = await sessionCookie(keys.read.key);
    expect((await t.call('GET', '/v1/templates', undefined, { cookie: reader })).status).toBe(200);
    const refused = await t.call('POST', '/v1/templates', { name: 'Read only', user_prompt_template: 'x' }, { cookie: reader, ...CONSOLE_HEADERS });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ type: 'forbidden', details: { required_scope: 'write' } });
  });

  it('refuses state-changing cookie requests another site may have started, and accepts the console', async () => {
    const writer = await sessionCookie(keys.write.key);
    const create = (name: string, headers: Record<string, string>) =>
      t.call('POST', '/v1/templates', { name, user_prompt_template: 'Hi {{ who }}' }, { cookie: writer, ...headers });
    const before = await templateCount();
    for (const [label, headers, reason] of [
      ['no CSRF header', { 'sec-fetch-site': 'same-origin', origin: 'http://localhost' }, 'missing_header'],
      ['CSRF header 0', { ...CONSOLE_HEADERS, 'x-promptops-csrf': '0' }, 'missing_header'],
      ['cross-site', { ...CONSOLE_HEADERS, 'sec-fetch-site': 'cross-site' }, 'sec_fetch_site'],
      ['same-site', { ...CONSOLE_HEADERS, 'sec-fetch-site': 'same-site' }, 'sec_fetch_site'],
      ['foreign Origin', { ...CONSOLE_HEADERS, origin: 'https://evil.example' }, 'origin'],
      ['other scheme', { ...CONSOLE_HEADERS, origin: 'https://localhost' }, 'origin'],
      ['opaque Origin', { ...CONSOLE_HEADERS, origin: 'null' }, 'origin'],
    ] as const) {
      const response = await create(`CSRF ${label}`, headers);
      expect(response.status, label).toBe(403);
      expect(response.body.error, label).toMatchObject({ type: 'csrf_rejected', message: expect.any(String), details: { reason } });
    }
    expect(await templateCount()).toBe(before);

    expect((await create('From the console', CONSOLE_HEADERS)).status).toBe(201);
    // Sec-Fetch-Site and Origin may be missing (older browsers); the custom header still proves same origin.
    expect((await create('Header only', { 'x-promptops-csrf': '1' })).status).toBe(201);
    // Bearer requests carry no ambient credential, so nothing is asked of them.
    expect(
      (await t.call('POST', '/v1/templates', { name: 'By key', user_prompt_template: 'x' }, { ...bearer(keys.write.key), 'sec-fetch-site': 'cross-site' }))
        .status,
    ).toBe(201);
    expect(await templateCount()).toBe(before + 3);
  });

  it('lets the queue dashboard act by cookie without the custom header, but not from another site', async () => {
    const admin = await sessionCookie(keys.admin.key);
    const queue = t.queues.all()[0]!.name;
    const pause = async (headers: Record<string, string>) => {
      const response = await t.app.request(`/admin/queues/api/queues/${queue}/pause`, { method: 'PUT', headers: { cookie: admin, ...headers } });
      return { status: response.status, type: ((await response.json()) as { error?: { type: string } }).error?.type };
    };
    expect(await pause({ 'sec-fetch-site': 'cross-site' })).toEqual({ status: 403, type: 'csrf_rejected' });
    expect(await pause({ origin: 'https://evil.example' })).toEqual({ status: 403, type: 'csrf_rejected' });
    // Same origin, no custom header: past the CSRF check, Bull Board itself answers (its read-only mode refuses).
    const sameOrigin = await pause({ 'sec-fetch-site': 'same-origin', origin: 'http://localhost' });
    expect(sameOrigin.type).not.toBe('csrf_rejected');
    expect(sameOrigin.status).not.toBe(403);
  });

  it('signs out on the server: the same cookie stops working, not only in this browser', async () => {
    const reader = await sessionCookie(keys.read.key);
    const rows = (await sessionRows(keys.read.id)).length;
    const refused = await t.app.request('/v1/session', { method: 'DELETE', headers: { cookie: reader } });
    expect(refused.status).toBe(403);
    expect((await t.call('GET', '/v1/templates', undefined, { cookie: reader })).status).toBe(200);

    const signedOut = await t.app.request('/v1/session', { method: 'DELETE', headers: { cookie: reader, ...CONSOLE_HEADERS } });
    expect(signedOut.status).toBe(204);
    expect(signedOut.headers.get('set-cookie')).toMatch(/^promptops_session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Strict$/);
    expect((await sessionRows(keys.read.id)).length).toBe(rows - 1);
    const replayed = await t.call('GET', '/v1/templates', undefined, { cookie: reader });
    expect(replayed.status).toBe(401);
    expect(replayed.body.error.type).toBe('unauthorized');
    expect((await t.call('GET', '/v1/session', undefined, { cookie: reader })).status).toBe(401);
  });

  it('ends every session of a key when the key is revoked', async () => {
    const { id, key } = (await t.call('POST', '/v1/keys', { name: 'short-lived', scopes: ['write'] }, bearer(keys.admin.key))).body;
    const cookie = await sessionCookie(key);
    expect((await t.call('GET', '/v1/templates', undefined, { cookie })).status).toBe(200);
    await t.call('DELETE', `/v1/keys/${id}`, undefined, bearer(keys.admin.key));
    expect((await t.call('GET', '/v1/templates', undefined, { cookie })).status).toBe(401);
  });
});

describe('admin pages', () => {
  it('send a browser without a session to the console sign-in page, and scripts a JSON 401', async () => {
    const html = { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8' };
    const browser = await t.app.request('/admin/queues', { headers: html });
    expect(browser.status).toBe(302);
    expect(browser.headers.get('location')).toBe('/sign-in?next=%2Fadmin%2Fqueues');
    const deep = await t.app.request('/admin/queues/queue/executions?status=failed', { headers: html });
    expect(deep.headers.get('location')).toBe(`/sign-in?next=${encodeURIComponent('/admin/queues/queue/executions?status=failed')}`);

    const script = await t.call('GET', '/admin/queues', undefined, { accept: 'application/json' });
    expect(script.status).toBe(401);
    expect(script.body.error.type).toBe('unauthorized');
    expect((await t.app.request('/admin/queues/api/queues', { method: 'PUT', headers: html })).status).toBe(401);

    const oldForm = await t.app.request('/admin/login');
    expect(oldForm.status).toBe(302);
    expect(oldForm.headers.get('location')).toBe('/sign-in?next=%2Fadmin%2Fqueues');
  });

  it('open to an admin session and stay closed to other keys', async () => {
    expect((await t.app.request('/admin/queues', { headers: { cookie: await sessionCookie(keys.admin.key) } })).status).toBe(200);
    const writer = await t.app.request('/admin/queues', { headers: { cookie: await sessionCookie(keys.write.key), accept: 'text/html' } });
    expect(writer.status).toBe(403);
  });
});
