import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../provider-error';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../testing';
import type { CompletionRequest } from '../types';
import { OpenAiCompatibleProvider } from './openai-compatible-provider';
import { fakeSettings } from './test-settings';

const SECRET = 'sk-live-RECOGNISABLE-0123456789abcdef';
const request: CompletionRequest = { model: 'gpt-test', messages: [{ role: 'user', content: 'hi' }] };

let server: FakeOpenAiServer;
let provider: OpenAiCompatibleProvider;
beforeAll(async () => {
  server = await startFakeOpenAiServer();
  provider = new OpenAiCompatibleProvider(fakeSettings(server.url, { name: 'acme', apiKey: SECRET }), { timeoutMs: 5_000, defaultModel: 'x' });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

async function failure(req: CompletionRequest = request, p = provider): Promise<ProviderError> {
  const error = await p.complete(req).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe('provider error classification', () => {
  it('429 with Retry-After seconds → rate_limited, retryable, retryAfterMs', async () => {
    server.enqueue({ type: 'status', status: 429, retryAfter: '7' });
    const error = await failure();
    expect(error).toMatchObject({ type: 'provider_error', kind: 'rate_limited', retryable: true, retryAfterMs: 7000, status: 429, provider: 'acme' });
    expect(error.message).toContain('acme');
  });

  it('429 prefers retry-after-ms and parses HTTP-dates', async () => {
    server.enqueue({ type: 'status', status: 429, retryAfter: '30', retryAfterMs: '250' });
    expect((await failure()).retryAfterMs).toBe(250);
    server.enqueue({ type: 'status', status: 429, retryAfter: new Date(Date.now() + 60_000).toUTCString() });
    const wait = (await failure()).retryAfterMs ?? 0;
    expect(wait).toBeGreaterThan(55_000);
    expect(wait).toBeLessThanOrEqual(60_000);
  });

  it('429 insufficient_quota is not retryable', async () => {
    server.enqueue({ type: 'status', status: 429, body: { error: { message: 'You exceeded your quota', code: 'insufficient_quota' } } });
    expect(await failure()).toMatchObject({ kind: 'rate_limited', retryable: false });
  });

  it.each([500, 503])('%i → server_error, retryable', async (status) => {
    server.enqueue({ type: 'status', status });
    expect(await failure()).toMatchObject({ kind: 'server_error', retryable: true, status });
  });

  it('hang with timeoutMs 200 → timeout, retryable, quickly', async () => {
    server.enqueue({ type: 'hang' });
    const started = Date.now();
    const error = await failure({ ...request, timeoutMs: 200 });
    expect(error).toMatchObject({ kind: 'timeout', retryable: true });
    expect(error.message).toContain('200 ms');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('a caller signal from AbortSignal.timeout counts as timeout; a plain abort is a non-retryable cancel', async () => {
    server.enqueue({ type: 'hang' }, { type: 'hang' });
    expect(await failure({ ...request, signal: AbortSignal.timeout(100) })).toMatchObject({ kind: 'timeout', retryable: true });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    expect(await failure({ ...request, signal: controller.signal })).toMatchObject({ kind: 'unknown', retryable: false });
  });

  it.each([
    ['non-JSON body', { type: 'malformed' as const, raw: '<html>Bad gateway</html>' }],
    ['JSON without choices', { type: 'malformed' as const, raw: '{"id":"x","object":"chat.completion"}' }],
    ['choices without message', { type: 'malformed' as const, raw: '{"choices":[{"index":0}]}' }],
    ['plain-text body', { type: 'malformed' as const, raw: 'ok', contentType: 'text/plain' }],
  ])('200 with %s → malformed_response, retryable', async (_label, behaviour) => {
    server.enqueue(behaviour);
    expect(await failure()).toMatchObject({ kind: 'malformed_response', retryable: true });
  });

  it.each([
    [400, 'bad_request'],
    [401, 'auth'],
    [403, 'auth'],
    [404, 'not_found'],
    [422, 'bad_request'],
  ] as const)('%i → %s, not retryable, naming provider and model', async (status, kind) => {
    server.enqueue({ type: 'status', status });
    const error = await failure();
    expect(error).toMatchObject({ kind, retryable: false, status });
    expect(error.message).toContain('acme');
    expect(error.message).toContain('gpt-test');
  });

  it('never leaks the API key, even when the server echoes it', async () => {
    server.enqueue({
      type: 'status',
      status: 401,
      body: {
        error: { message: `Incorrect API key provided: ${SECRET}. Header was Bearer ${SECRET}`, type: 'invalid_request_error', code: 'invalid_api_key' },
      },
    });
    const error = await failure();
    expect(error.kind).toBe('auth');
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${SECRET}`); // it was really sent
    for (const text of [error.message, JSON.stringify(error.details), JSON.stringify(error), String(error.stack)]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('RECOGNISABLE');
    }
    expect(JSON.stringify(provider)).not.toContain('RECOGNISABLE');
  });

  it('connection refused → connection, retryable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const dead = new OpenAiCompatibleProvider(fakeSettings(`http://127.0.0.1:${port}/v1`, { apiKey: SECRET }), { timeoutMs: 2_000, defaultModel: 'x' });
    const error = await failure(request, dead);
    expect(error).toMatchObject({ kind: 'connection', retryable: true });
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect(JSON.stringify(error)).not.toContain(SECRET);
  });
});
