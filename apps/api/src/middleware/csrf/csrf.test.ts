import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@promptops/config';
import type { AppEnv } from '../../http/app-env';
import { createErrorHandler } from '../../http/error-handler';
import { csrfProtection } from '.';

function appBehind(trustProxy: boolean, bySession = true) {
  const app = new Hono<AppEnv>();
  app.onError(createErrorHandler(createLogger({ level: 'silent' })));
  app.use('*', async (c, next) => {
    if (bySession) c.set('sessionAuthenticated', true);
    await next();
  });
  app.use('*', csrfProtection({ trustProxy }));
  app.all('*', (c) => c.json({ ok: true }));
  return app;
}

const proxied = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'prompts.example.com', 'x-promptops-csrf': '1' };

describe('csrfProtection', () => {
  it('compares Origin with the origin a trusted proxy reports, and ignores those headers otherwise', async () => {
    const post = (app: Hono<AppEnv>, origin: string) => app.request('http://10.0.0.5:3000/v1/templates', { method: 'POST', headers: { ...proxied, origin } });
    expect((await post(appBehind(true), 'https://prompts.example.com')).status).toBe(200);
    expect((await post(appBehind(true), 'http://10.0.0.5:3000')).status).toBe(403);
    expect((await post(appBehind(false), 'https://prompts.example.com')).status).toBe(403);
    expect((await post(appBehind(false), 'http://10.0.0.5:3000')).status).toBe(200);
  });

  it('checks only state-changing requests that the session cookie authenticated', async () => {
    const crossSite = { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' };
    for (const method of ['GET', 'HEAD', 'OPTIONS']) expect((await appBehind(false).request('/v1/templates', { method, headers: crossSite })).status).toBe(200);
    expect((await appBehind(false, false).request('/v1/templates', { method: 'POST', headers: crossSite })).status).toBe(200);
    const refused = await appBehind(false).request('/v1/templates', { method: 'DELETE', headers: crossSite });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { type: 'csrf_rejected', details: { reason: 'sec_fetch_site' } } });
  });
});
