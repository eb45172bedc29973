import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { ApiKeyScope } from '@promptops/db';
import { createLogger } from '@promptops/config';
import type { AppEnv, Principal } from '../../http/app-env';
import { createErrorHandler } from '../../http/error-handler';
import { authorization, requiredScope } from '.';

function appAs(principal: Principal | undefined) {
  const app = new Hono<AppEnv>();
  app.onError(createErrorHandler(createLogger({ level: 'silent' })));
  app.use('*', async (c, next) => {
    if (principal) c.set('principal', principal);
    await next();
  });
  app.use('*', authorization());
  app.all('*', (c) => c.json({ ok: true }));
  return app;
}

const keyWith = (...scopes: ApiKeyScope[]): Principal => ({ kind: 'api_key', key_id: 'k', name: 'k', scopes });

describe('requiredScope', () => {
  it.each([
    ['GET', '/v1/templates', 'read'],
    ['HEAD', '/v1/executions/1', 'read'],
    ['POST', '/v1/executions', 'write'],
    ['PATCH', '/v1/templates/x', 'write'],
    ['PUT', '/v1/anything-added-later', 'write'],
    ['DELETE', '/v1/templates/x', 'admin'],
    ['GET', '/v1/keys', 'admin'],
    ['POST', '/v1/keys', 'admin'],
    ['GET', '/v1/keysmith', 'read'],
    ['GET', '/admin/queues', 'admin'],
    ['POST', '/admin/queues/api/queues/x/retry', 'admin'],
    ['GET', '/metrics', 'admin'],
    ['GET', '/v1/session', 'read'],
    ['DELETE', '/v1/session', 'read'],
    ['GET', '/v1/budgets', 'read'],
    ['POST', '/v1/budgets', 'admin'],
    ['PATCH', '/v1/alert-rules/x', 'admin'],
    ['POST', '/v1/webhooks/x/test', 'admin'],
    ['GET', '/v1/webhooks/x/deliveries', 'read'],
    ['POST', '/v1/alerts/x/acknowledge', 'write'],
  ] as const)('%s %s needs %s', (method, path, scope) => {
    expect(requiredScope(method, path)).toBe(scope);
  });
});

describe('authorization', () => {
  it('answers 403 with the missing scope, and lets sufficient keys through', async () => {
    const reader = appAs(keyWith('read'));
    expect((await reader.request('/v1/templates')).status).toBe(200);
    const refused = await reader.request('/v1/templates', { method: 'POST' });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { type: 'forbidden', details: { required_scope: 'write' } } });
    expect((await appAs(keyWith('write')).request('/v1/templates/x', { method: 'DELETE' })).status).toBe(403);
    expect((await appAs(keyWith('admin')).request('/v1/templates/x', { method: 'DELETE' })).status).toBe(200);
  });

  it('confines the metrics token to /metrics and lets local clients do anything', async () => {
    expect((await appAs({ kind: 'metrics_token' }).request('/metrics')).status).toBe(200);
    expect((await appAs({ kind: 'metrics_token' }).request('/v1/keys')).status).toBe(403);
    expect((await appAs({ kind: 'local' }).request('/v1/keys', { method: 'POST' })).status).toBe(200);
  });
});
