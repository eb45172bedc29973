import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, startWebhookReceiver, type TestApp, type WebhookReceiver } from '../../testing/create-test-app';

let t: TestApp;
let receiver: WebhookReceiver;
const admin = { authorization: '' };
let reader: Record<string, string>;

beforeAll(async () => {
  // Loopback is private, so this receiver is reachable only through the allow list.
  t = await createTestApp({ WEBHOOK_SECRET_KEY: 'ab'.repeat(32), WEBHOOK_ALLOWED_CIDRS: '127.0.0.1/32' });
  receiver = await startWebhookReceiver();
  admin.authorization = `Bearer ${(await t.call('POST', '/v1/keys', { name: 'admin', scopes: ['admin'] })).body.key}`;
  reader = { authorization: `Bearer ${(await t.call('POST', '/v1/keys', { name: 'reader', scopes: ['read'] }, admin)).body.key}` };
});
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});

describe('/v1/webhooks', () => {
  it('refuses loopback, private, link-local, unique-local and metadata targets unless configuration allows them', async () => {
    for (const url of [
      'http://10.1.2.3/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]:8080/',
      'http://[fd00:ec2::254]/',
      'http://100.100.100.200/',
      'http://0.0.0.0/',
      'http://127.0.0.2/',
      'http://[::ffff:127.0.0.1]/',
    ]) {
      const refused = await t.call('POST', '/v1/webhooks', { url }, admin);
      expect(refused.status, url).toBe(400);
      expect(refused.body.error.message).toContain('WEBHOOK_ALLOW_PRIVATE_TARGETS');
    }
    for (const url of ['ftp://example.com/', 'not a url', 'https://user:pw@example.com/']) {
      expect((await t.call('POST', '/v1/webhooks', { url }, admin)).status, url).toBe(400);
    }
    expect((await t.call('GET', '/v1/webhooks', undefined, admin)).body.items).toEqual([]);
  });

  it('shows the secret once, stores it only encrypted, and signs a test ping the receiver verifies', async () => {
    expect((await t.call('POST', '/v1/webhooks', { url: receiver.url }, reader)).status).toBe(403);
    const created = await t.call('POST', '/v1/webhooks', { url: receiver.url, description: 'on-call' }, admin);
    expect(created.status).toBe(201);
    const { secret, id } = created.body;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const listed = await t.call('GET', '/v1/webhooks', undefined, reader);
    expect(listed.body.items).toEqual([expect.objectContaining({ id, url: receiver.url, description: 'on-call', enabled: true })]);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    const [stored] = await t.db.orm.em.getConnection().execute<{ secret_ciphertext: string }[]>('select secret_ciphertext from webhooks where id = ?', [id]);
    expect(stored?.secret_ciphertext).not.toContain(secret.slice(6, 20));
    expect(Buffer.from(stored?.secret_ciphertext ?? '', 'base64').length).toBeGreaterThan(28 + secret.length - 1);

    const ping = await t.call('POST', `/v1/webhooks/${id}/test`, undefined, admin);
    expect(ping.status).toBe(200);
    expect(ping.body).toMatchObject({ event: 'test', outcome: 'delivered', status_code: 200, attempt: 1, alert_id: null });
    expect(ping.body.response_excerpt).toContain('"received":true');
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    if (!request) throw new Error('the receiver got nothing');
    expect(request.body).toMatchObject({ type: 'ping', webhook_id: id });
    expect(receiver.verify(request, secret)).toBe(true);
    expect(receiver.verify(request, `${secret}x`)).toBe(false);
    expect(receiver.verify({ ...request, raw: request.raw.replace('ping', 'pong') }, secret)).toBe(false);

    receiver.answerWith(410);
    const gone = await t.call('POST', `/v1/webhooks/${id}/test`, undefined, admin);
    expect(gone.body).toMatchObject({ outcome: 'failed', status_code: 410 });
    const deliveries = await t.call('GET', `/v1/webhooks/${id}/deliveries?limit=10`, undefined, reader);
    expect(deliveries.body.items.map((row: { status_code: number }) => row.status_code)).toEqual([410, 200]);
  });

  it('checks the target again at delivery time', async () => {
    const created = await t.call('POST', '/v1/webhooks', { url: receiver.url }, admin);
    const before = receiver.received.length;
    const allowed = t.config.webhookAllowedCidrs;
    // The configuration changes under a running server as a DNS answer would: the next delivery is judged afresh.
    t.config.webhookAllowedCidrs = [];
    try {
      const ping = await t.call('POST', `/v1/webhooks/${created.body.id}/test`, undefined, admin);
      expect(ping.body).toMatchObject({ outcome: 'failed', status_code: null });
      expect(ping.body.error).toContain('127.0.0.1');
      expect(receiver.received).toHaveLength(before);
    } finally {
      t.config.webhookAllowedCidrs = allowed;
    }
    const disabled = await t.call('PATCH', `/v1/webhooks/${created.body.id}`, { enabled: false, url: 'http://10.0.0.1/' }, admin);
    expect(disabled.status).toBe(400);
    expect((await t.call('PATCH', `/v1/webhooks/${created.body.id}`, { enabled: false }, admin)).body.enabled).toBe(false);
    expect((await t.call('DELETE', `/v1/webhooks/${created.body.id}`, undefined, admin)).status).toBe(200);
    expect((await t.call('GET', `/v1/webhooks/${created.body.id}/deliveries`, undefined, admin)).status).toBe(404);
  });

  it('refuses webhooks with a clear 409 while WEBHOOK_SECRET_KEY is not set', async () => {
    const key = t.config.webhookSecretKey;
    t.config.webhookSecretKey = undefined;
    try {
      const refused = await t.call('POST', '/v1/webhooks', { url: receiver.url }, admin);
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({ type: 'not_configured', details: { variable: 'WEBHOOK_SECRET_KEY' } });
    } finally {
      t.config.webhookSecretKey = key;
    }
  });
});
