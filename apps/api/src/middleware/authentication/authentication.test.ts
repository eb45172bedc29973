import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@promptops/config';
import type { AdminSessions } from '../../admin/admin-session';
import type { AppEnv } from '../../http/app-env';
import { createErrorHandler } from '../../http/error-handler';
import { authentication, type AuthenticationOptions } from '.';

const ADMIN_KEY = `po_${'a'.repeat(32)}_${'s'.repeat(43)}`;
const METRICS_TOKEN = 'metrics-token-0123456789';

type ErrorJson = { error: { type: string; message: string } };

function appWith(overrides: Partial<AuthenticationOptions> & { keysExist?: boolean; sessionKeyId?: string } = {}) {
  const sessions: AdminSessions = { appliesTo: (path) => path.startsWith('/admin'), issue: async () => {}, read: async () => overrides.sessionKeyId, clear: () => {} };
  const app = new Hono<AppEnv>();
  app.onError(createErrorHandler(createLogger({ level: 'silent' })));
  app.use(
    '*',
    authentication({
      apiKeys: {
        authenticate: async (key) => (key === ADMIN_KEY ? { id: 'key-1', name: 'admin', scopes: ['admin'] } : null),
        findActive: async (id) => (id === 'key-1' ? { id, name: 'admin', scopes: ['admin'] } : null),
        hasActiveKeys: async () => overrides.keysExist ?? true,
      },
      sessions,
      isPublic: (path) => path === '/healthz',
      metricsToken: METRICS_TOKEN,
      ...overrides,
    }),
  );
  app.get('*', (c) => c.json({ principal: c.get('principal') ?? null }));
  return app;
}

const socketFrom = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe('authentication', () => {
  it('lets public paths through without credentials', async () => {
    const response = await appWith().request('/healthz');
    expect(await response.json()).toEqual({ principal: null });
  });

  it('identifies a valid API key and refuses a wrong, malformed or missing one with 401', async () => {
    const app = appWith();
    expect(await (await app.request('/v1/x', bearer(ADMIN_KEY))).json()).toEqual({ principal: { kind: 'api_key', key_id: 'key-1', scopes: ['admin'] } });
    for (const init of [bearer('po_wrong'), { headers: { authorization: `Basic ${ADMIN_KEY}` } }, {}]) {
      const response = await app.request('/v1/x', init);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toContain('Bearer');
      const body = (await response.json()) as ErrorJson;
      expect(body.error.type).toBe('unauthorized');
      expect(JSON.stringify(body)).not.toContain(ADMIN_KEY);
    }
  });

  it('accepts an admin session cookie instead of a header', async () => {
    const response = await appWith({ sessionKeyId: 'key-1' }).request('/admin/queues');
    expect(((await response.json()) as { principal: unknown }).principal).toMatchObject({ kind: 'api_key', key_id: 'key-1' });
    expect((await appWith({ sessionKeyId: 'revoked' }).request('/admin/queues')).status).toBe(401);
    expect((await appWith({ sessionKeyId: 'key-1' }).request('/v1/keys')).status).toBe(401);
  });

  it('accepts the metrics token on /metrics only', async () => {
    const app = appWith();
    expect(await (await app.request('/metrics', bearer(METRICS_TOKEN))).json()).toEqual({ principal: { kind: 'metrics_token' } });
    expect((await app.request('/v1/templates', bearer(METRICS_TOKEN))).status).toBe(401);
  });

  it('without any key, serves loopback sockets only', async () => {
    const app = appWith({ keysExist: false });
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      expect(await (await app.request('/v1/x', {}, socketFrom(address))).json()).toEqual({ principal: { kind: 'local' } });
    }
    for (const address of ['10.0.0.7', '::ffff:192.168.1.2', '2001:db8::1']) {
      const response = await app.request('/v1/x', {}, socketFrom(address));
      expect(response.status).toBe(403);
      expect(((await response.json()) as ErrorJson).error.message).toContain('promptops keys create');
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
