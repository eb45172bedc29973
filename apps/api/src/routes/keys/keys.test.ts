import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/create-test-app';

let t: TestApp;
let admin: string;

const as = (key: string) => ({ authorization: `Bearer ${key}` });

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('/v1/keys', () => {
  it('lets a local client create the first key, after which every request needs one', async () => {
    const created = await t.call('POST', '/v1/keys', { name: 'bootstrap', scopes: ['admin'] });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^po_/);
    admin = created.body.key;
    expect((await t.call('GET', '/v1/templates')).status).toBe(401);
    expect((await t.call('GET', '/v1/templates', undefined, as(admin))).status).toBe(200);
    expect((await t.call('GET', '/healthz')).status).toBe(200);
    expect((await t.call('GET', '/openapi.json')).status).toBe(200);
  });

  it('lists keys without secrets and enforces scopes on every route', async () => {
    const ci = await t.call('POST', '/v1/keys', { name: 'ci', scopes: ['read', 'write'] }, as(admin));
    const listed = await t.call('GET', '/v1/keys', undefined, as(admin));
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((key: { name: string }) => key.name)).toEqual(['bootstrap', 'ci']);
    expect(JSON.stringify(listed.body)).not.toMatch(/po_[0-9a-f]{32}_|key_hash/);

    const writer = as(ci.body.key);
    const template = await t.call('POST', '/v1/templates', { name: 'Scoped', user_prompt_template: 'Hi {{ name }}' }, writer);
    expect(template.status).toBe(201);
    expect((await t.call('GET', `/v1/templates/${template.body.id}`, undefined, writer)).status).toBe(200);
    const deleting = await t.call('DELETE', `/v1/templates/${template.body.id}`, undefined, writer);
    expect(deleting.status).toBe(403);
    expect(deleting.body.error.details.required_scope).toBe('admin');
    expect((await t.call('GET', '/v1/keys', undefined, writer)).status).toBe(403);
    expect((await t.call('GET', '/admin/queues', undefined, writer)).status).toBe(403);
  });

  it('revokes a key so it stops working at once', async () => {
    const reader = await t.call('POST', '/v1/keys', { name: 'reader', scopes: ['read'] }, as(admin));
    expect((await t.call('GET', '/v1/datasets', undefined, as(reader.body.key))).status).toBe(200);
    const revoked = await t.call('DELETE', `/v1/keys/${reader.body.id}`, undefined, as(admin));
    expect(revoked.status).toBe(200);
    expect(revoked.body.revoked_at).not.toBeNull();
    expect((await t.call('GET', '/v1/datasets', undefined, as(reader.body.key))).status).toBe(401);
    expect((await t.call('DELETE', `/v1/keys/${crypto.randomUUID()}`, undefined, as(admin))).status).toBe(404);
  });

  it('rejects bad key requests with the standard error body', async () => {
    for (const body of [
      { name: 'x', scopes: ['root'] },
      { name: '', scopes: ['read'] },
      { name: 'x', scopes: [] },
      { name: 'x', scopes: ['read'], key: 'chosen' },
    ]) {
      const response = await t.call('POST', '/v1/keys', body, as(admin));
      expect(response.status).toBe(400);
      expect(response.body.error.type).toBe('invalid_request');
    }
  });
});
