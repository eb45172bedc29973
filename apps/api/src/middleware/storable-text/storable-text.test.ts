import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@promptops/config';
import type { AppEnv } from '../../http/app-env';
import { createErrorHandler } from '../../http/error-handler';
import { findUnstorableText, isStorableText } from '../../http/storable-text';
import { storableText } from '.';

function app() {
  const hono = new Hono<AppEnv>();
  hono.onError(createErrorHandler(createLogger({ level: 'silent' })));
  hono.use('*', storableText());
  hono.get('*', (c) => c.json({ ok: true }));
  return hono;
}

describe('storable text', () => {
  it('tells NUL and unpaired surrogates from ordinary text, emoji included', () => {
    for (const text of ['plain', 'emoji 👩‍👩‍👧', '\u202Eright-to-left', '\uFFFF', '']) expect(isStorableText(text)).toBe(true);
    for (const text of ['a\u0000b', 'a\uD800', '\uDC00b', '\uDC00\uD800']) expect(isStorableText(text)).toBe(false);
  });

  it('names the first bad string or the object holding a bad key, without repeating the key', () => {
    expect(findUnstorableText({ a: [1, { b: 'ok' }, 'x\u0000'] })).toBe('$.a.2');
    expect(findUnstorableText({ a: { 'k\u0000': 1 } })).toBe('A key of $.a');
    expect(findUnstorableText({ a: ['fine', { b: null }] })).toBeUndefined();
  });

  it('refuses such text in the path or query with 400 and lets everything else through', async () => {
    for (const [path, details] of [
      ['/v1/templates/a%00b', { location: 'path' }],
      ['/v1/templates?q=%ED%A0%80x&q=%00', { location: 'query', parameter: 'q' }],
      ['/v1/templates?%00=1', { location: 'query', parameter: null }],
    ] as const) {
      const response = await app().request(path);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { type: 'invalid_request', details } });
    }
    for (const path of ['/v1/templates/%F0%9F%98%80', '/v1/templates/%ED%A0%80', '/v1/templates/%E0%A4%A?q=%E2%80%AE']) {
      expect((await app().request(path)).status).toBe(200);
    }
  });
});
