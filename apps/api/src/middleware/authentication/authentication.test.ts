import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@promptops/config';
import type { AppEnv } from '../../http/app-env';
import { createErrorHandler } from '../../http/error-handler';
import { authentication, type AuthenticationOptions } from '.';

const ADMIN_KEY = `po_${'a'.repeat(32)}_${'s'.repeat(43)}`;
const METRICS_TOKEN = 'metrics-token-0123456789';

type ErrorJson = { error: { type: string; message: string } };

const SESSION_TOKEN = 't'.repeat(43);

function appWith(overrides: Partial<AuthenticationOptions> & { keysExist?: boolean } = {}) {
  const app = new Hono<AppEnv>();
  app.onError(createErrorHandler(createLogger({ level: 'silent' })));
  app.use(
    '*',
    authentication({
      apiKeys: {
        authenticate: async (key) => (key === ADMIN_KEY ? { id: 'key-1', name: 'admin', scopes: ['admin'] } : null),
        hasActiveKeys: async () => overrides.keysExist ?? true,
      },
      sessions: { resolve: async (token) => (token === SESSION_TOKEN ? { id: 'key-2', name: 'console', scopes: ['read'] } : null) },
      isPublic: (path, method) => path === '/healthz' || (path === '/sign-in' && method === 'POST'),
      metricsToken: METRICS_TOKEN,
      ...overrides,
    }),
  );
  app.all('*', (c) => c.json({ principal: c.get('principal') ?? null, session: c.get('sessionAuthenticated') ?? false }));
  return app;
}

const socketFrom = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe('authentication', () => {
  it('lets public paths through without credentials', async () => {
    const app = appWith();
    expect(await (await app.request('/healthz')).json()).toEqual({ principal: null, session: false });
    expect((await app.request('/sign-in', { method: 'POST' })).status).toBe(200);
    expect((await app.request('/sign-in')).status).toBe(401);
  });

  it('identifies a valid API key and refuses a wrong, malformed or missing one with 401', async () => {
    const app = appWith();
    expect(await (await app.request('/v1/x', bearer(ADMIN_KEY))).json()).toEqual({
      principal: { kind: 'api_key', key_id: 'key-1', name: 'admin', scopes: ['admin'] },
      session: false,
    });
    for (const init of [bearer('po_wrong'), { headers: { authorization: `Basic ${ADMIN_KEY}` } }, {}]) {
      const response = await app.request('/v1/x', init);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toContain('Bearer');
      const body = (await response.json()) as ErrorJson;
      expect(body.error.type).toBe('unauthorized');
      expect(JSON.stringify(body)).not.toContain(ADMIN_KEY);
    }
  });

  it('accepts a console session cookie on any path, and lets a Bearer header win over it', async () => {
    const app = appWith();
    const cookie = { cookie: `promptops_session=${SESSION_TOKEN}` };
    for (const path of ['/admin/queues', '/v1/keys']) {
      expect(await (await app.request(path, { headers: cookie })).json()).toEqual({
        principal: { kind: 'api_key', key_id: 'key-2', name: 'console', scopes: ['read'] },
        session: true,
      });
    }
    const both = await app.request('/v1/x', { headers: { ...cookie, ...bearer(ADMIN_KEY).headers } });
    expect(await both.json()).toMatchObject({ principal: { key_id: 'key-1' }, session: false });
    expect((await app.request('/v1/x', { headers: { ...cookie, ...bearer('po_wrong').headers } })).status).toBe(401);
    const ended = await app.request('/v1/x', { headers: { cookie: `promptops_session=${'e'.repeat(43)}` } });
    expect(ended.status).toBe(401);
    expect(((await ended.json()) as ErrorJson).error.message).toContain('session has ended');
  });

  it('accepts the metrics token on /metrics only', async () => {
    const app = appWith();
    expect(await (await app.request('/metrics', bearer(METRICS_TOKEN))).json()).toEqual({ principal: { kind: 'metrics_token' }, session: false });
    expect((await app.request('/v1/templates', bearer(METRICS_TOKEN))).status).toBe(401);
  });

  it('without any key, serves loopback sockets only', async () => {
    const app = appWith({ keysExist: false });
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      expect(await (await app.request('/v1/x', {}, socketFrom(address))).json()).toEqual({ principal: { kind: 'local' }, session: false });
    }
    for (const address of ['10.0.0.7', '::ffff:192.168.1.2', '2001:db8::1']) {
      const response = await app.request('/v1/x', {}, socketFrom(address));
      expect(response.status).toBe(403);
      expect(((await response.json()) as ErrorJson).error.message).toContain('npx promptops keys create --name admin --scope admin');
    }
  });

  it('treats a request without a socket as local only when told to', async () => {
    expect((await appWith({ keysExist: false }).request('/v1/x')).status).toBe(403);
    expect((await appWith({ keysExist: false, trustInProcess: true }).request('/v1/x')).status).toBe(200);
    // Once a key exists, being in-process grants nothing.
    expect((await appWith({ keysExist: true, trustInProcess: true }).request('/v1/x')).status).toBe(401);
  });

  it('refuses a metrics token too short to be secret', () => {
    expect(() => appWith({ metricsToken: 'short' })).toThrow(/16 characters/);
  });
});
