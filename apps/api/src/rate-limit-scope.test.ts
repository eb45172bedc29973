import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './testing/create-test-app';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '2' });
});

afterAll(async () => {
  await t?.close();
});

describe('what the request rate limit counts', () => {
  it("counts API calls, not probes, the API reference or the console's pages and files", async () => {
    const uncounted = ['/healthz', '/readyz', '/docs', '/openapi.json', '/', '/templates', '/assets/missing.js', '/favicon.svg'];
    for (let round = 0; round < 3; round++) {
      for (const path of uncounted) expect((await t.call('GET', path, undefined, { accept: 'text/html' })).status).not.toBe(429);
    }
    expect((await t.call('GET', '/v1/templates')).status).toBe(200);
    expect((await t.call('GET', '/v1/templates')).status).toBe(200);
    expect((await t.call('GET', '/v1/templates')).status).toBe(429);
    expect((await t.call('GET', '/admin/queues', undefined, { accept: 'text/html' })).status).toBe(429);
  });
});
