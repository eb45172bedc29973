import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@promptops/config';
import type { AppEnv } from '../../http/app-env';
import { createErrorHandler } from '../../http/error-handler';
import { jsonLimits } from '.';
import { jsonDepthExceeds } from './json-depth';

function app() {
  const hono = new Hono<AppEnv>();
  hono.onError(createErrorHandler(createLogger({ level: 'silent' })));
  hono.use('*', jsonLimits({ maxDepth: 32, maxContextBytes: 1000 }));
  hono.post('/json', async (c) => c.json({ received: await c.req.json() }));
  hono.post('/text', async (c) => c.json({ length: (await c.req.text()).length }));
  return hono;
}

const post = (path: string, body: string, contentType = 'application/json') =>
  app().request(path, { method: 'POST', body, headers: { 'content-type': contentType } });

describe('jsonDepthExceeds', () => {
  it('counts nesting outside strings only', () => {
    expect(jsonDepthExceeds('{"a":[{"b":1}]}', 3)).toBe(false);
    expect(jsonDepthExceeds('{"a":[{"b":[1]}]}', 3)).toBe(true);
    expect(jsonDepthExceeds('{"a":"[[[[[[\\"[[[["}', 1)).toBe(false);
    // An even run of backslashes before a quote escapes only itself; an odd run escapes the quote.
    expect(jsonDepthExceeds('{"a":"x\\\\"}[[', 1)).toBe(true);
    expect(jsonDepthExceeds('{"a":"x\\\\\\"[["}', 1)).toBe(false);
  });
});

describe('jsonLimits', () => {
  it('refuses a depth bomb with 400 before anything parses it', async () => {
    const bomb = `${'['.repeat(500_000)}${']'.repeat(500_000)}`;
    const response = await post('/json', bomb);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { type: 'invalid_request', details: { max_depth: 32 } } });
    expect((await post('/json', `{"a":${'{"b":'.repeat(40)}1${'}'.repeat(40)}}`)).status).toBe(400);
  });

  it('passes nesting up to the limit through to the route, which can still read the body', async () => {
    const ok = `${'['.repeat(32)}1${']'.repeat(32)}`;
    const response = await post('/json', ok);
    expect(response.status).toBe(200);
    expect(JSON.stringify(((await response.json()) as { received: unknown }).received)).toBe(ok);
  });

  it('answers 413 for an oversized context or input_data anywhere, including JSON Lines', async () => {
    const big = 'x'.repeat(1200);
    for (const [body, type] of [
      [JSON.stringify({ template: 't', context: { text: big } }), 'application/json'],
      [JSON.stringify({ entries: [{ input_data: { text: 'small' } }, { input_data: { text: big } }] }), 'application/json'],
      [`{"input_data":{"a":1}}\n{"input_data":{"text":"${big}"}}\n`, 'application/jsonl'],
    ] as const) {
      const response = await post('/text', body, type);
      expect(response.status).toBe(413);
      expect(((await response.json()) as { error: { type: string } }).error.type).toBe('payload_too_large');
    }
    expect((await post('/json', JSON.stringify({ context: { text: 'small' }, other: big }))).status).toBe(200);
  });

  // The text prechecks skip the walks only when the text proves them pointless: these bodies look
  // harmless as text and must still be refused once parsed.
  it('still refuses what only the parsed value shows: escaped NUL or lone surrogates, numbers that grow', async () => {
    const escapedNul = await post('/json', '{"context":{"name":"a\\u0000b"}}');
    expect(escapedNul.status).toBe(400);
    expect(await escapedNul.json()).toMatchObject({ error: { type: 'invalid_request', details: { field: '$.context.name' } } });
    expect((await post('/json', '{"context":{"\\ud800":"x"}}')).status).toBe(400);
    // 120 × `9e20` is 600 bytes as written and 2,640 once each becomes 900000000000000000000.
    const growing = `{"context":{"n":[${Array(120).fill('9e20').join(',')}]}}`;
    expect(Buffer.byteLength(growing)).toBeLessThan(1000);
    const response = await post('/json', growing);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { type: 'payload_too_large', details: { field: '$.context' } } });
    expect((await post('/json', `{"context":{"n":[${Array(120).fill('9').join(',')}]}}`)).status).toBe(200);
  });

  it('leaves malformed JSON and other media types to the route', async () => {
    expect((await post('/text', '{"context": ', 'application/json')).status).toBe(200);
    expect((await post('/text', '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[', 'application/octet-stream')).status).toBe(200);
  });
});
