import { Writable } from 'node:stream';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@promptops/config';
import type { AppEnv } from '../../http/app-env';
import { accessLog } from '.';

describe('accessLog', () => {
  it('logs method, path, status, duration, request id and key id, but no query, header or cookie', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write: (chunk, _encoding, done) => {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger({ level: 'info', destination });
    const app = new Hono<AppEnv>();
    app.use('*', requestId({ headerName: 'X-Request-Id' }));
    app.use('*', accessLog({ logger }));
    app.use('*', async (c, next) => {
      c.set('principal', { kind: 'api_key', key_id: 'key-7', name: 'reader', scopes: ['read'] });
      await next();
    });
    app.get('/v1/templates', (c) => c.json([], 201));
    await app.request('/v1/templates?token=secret-in-query', {
      headers: { 'x-request-id': 'req-42', authorization: 'Bearer po_secret', cookie: 'promptops_session=secret-cookie' },
    });
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({ request_id: 'req-42', method: 'GET', path: '/v1/templates', status: 201, key_id: 'key-7', msg: 'request' });
    expect(line.duration_ms).toBeGreaterThanOrEqual(0);
    expect(lines[0]).not.toMatch(/secret|po_/);
  });
});
