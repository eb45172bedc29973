import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/create-test-app';
import { routesOf } from '../testing/hostile-requests';

// Issue 11 item 7: an unknown query parameter is a 400 naming it on every route, so a misspelt
// filter (`?stauts=failed`) is refused instead of silently listing everything.

let t: TestApp;
let admin: { authorization: string };

beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '0' });
  admin = { authorization: `Bearer ${(await t.call('POST', '/v1/keys', { name: 'admin', scopes: ['admin'] })).body.key}` };
});
afterAll(async () => {
  await t?.close();
});

const fill = (path: string) => path.replace(/\{[^}]+\}/g, '0b5f1c7e-3d2a-4b8e-9f10-6a7d2c4e8b11');

describe('unknown query parameters', () => {
  it('are refused with 400 naming them on every documented route, with or without a query schema', async () => {
    const routes = routesOf((await t.call('GET', '/openapi.json')).body);
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.some((route) => route.query.length === 0)).toBe(true);
    for (const route of routes) {
      const response = await t.call(route.method, `${fill(route.path)}?zz_unknown=1`, route.hasBody ? {} : undefined, admin);
      const where = `${route.method} ${route.path}: ${JSON.stringify(response.body)}`;
      expect(response.status, where).toBe(400);
      expect(response.body.error.type, where).toBe('invalid_request');
      // Routes with a required parameter (diff's `against`) name that one too.
      expect(response.body.error.message, where).toMatch(/^Invalid request query string: .*zz_unknown: unknown query parameter/);
      expect(response.body.error.details.issues, where).toContainEqual({ path: 'zz_unknown', message: 'unknown query parameter', code: 'unrecognized_keys' });
    }
  });

  it('names each unknown one, and a misspelt filter no longer lists everything', async () => {
    const submitted = await t.call('POST', '/v1/executions', { user_prompt: 'queued, not failed' }, admin);
    expect(submitted.status).toBe(202);

    const misspelt = await t.call('GET', '/v1/executions?stauts=failed&limit=5&colour=red', undefined, admin);
    expect(misspelt.status).toBe(400);
    expect(misspelt.body.error.details.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(['colour', 'stauts']);

    expect((await t.call('GET', '/v1/executions?status=failed', undefined, admin)).body).toMatchObject({ items: [], total: 0 });
    expect((await t.call('GET', '/v1/executions?status=queued', undefined, admin)).body.total).toBe(1);
  });

  it('leaves declared parameters and the public probes as they were', async () => {
    expect((await t.call('GET', '/v1/executions?limit=1&offset=0', undefined, admin)).status).toBe(200);
    expect((await t.call('GET', '/healthz')).status).toBe(200);
    expect((await t.call('GET', '/healthz?verbose=1')).body.error.details.issues).toEqual([
      { path: 'verbose', message: 'unknown query parameter', code: 'unrecognized_keys' },
    ]);
  });
});
