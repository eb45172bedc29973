import { afterEach, describe, expect, it } from 'vitest';
import { type FakeOpenAiServer, startFakeOpenAiServer } from './fake-openai-server';

let server: FakeOpenAiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const chat = (url: string, body: object, signal?: AbortSignal) =>
  fetch(`${url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal });

describe('startFakeOpenAiServer', () => {
  it('listens on 127.0.0.1 with a /v1 base URL and serves /v1/models', async () => {
    server = await startFakeOpenAiServer();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/v1`);
    const models = await (await fetch(`${server.url}/models`)).json();
    expect(models).toMatchObject({ object: 'list', data: [{ id: 'fake-model' }] });
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
  });

  it('consumes queued behaviours FIFO, then the default, and records requests', async () => {
    server = await startFakeOpenAiServer();
    server.enqueue({ type: 'reply', content: (b) => `model=${b.model}` }, { type: 'json', value: { n: 1 } });
    const texts: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await chat(server.url, { model: 'm', messages: [{ role: 'user', content: 'ping' }] });
      texts.push(((await res.json()) as { choices: { message: { content: string } }[] }).choices[0]?.message.content ?? '');
    }
    expect(texts).toEqual(['model=m', '{"n":1}', 'fake: ping']);
    expect(server.requests).toHaveLength(3);
    server.setDefault({ type: 'status', status: 503 });
    expect((await chat(server.url, { model: 'm', messages: [] })).status).toBe(503);
    server.reset();
    expect(server.requests).toHaveLength(0);
    expect((await chat(server.url, { model: 'm', messages: [] })).status).toBe(200);
  });

  it('answers concurrent requests in parallel despite fixed latency', async () => {
    server = await startFakeOpenAiServer({ latencyMs: 150, recordRequests: false });
    const url = server.url;
    const started = Date.now();
    const statuses = await Promise.all(Array.from({ length: 300 }, () => chat(url, { model: 'm', messages: [] }).then((r) => r.status)));
    expect(statuses.every((s) => s === 200)).toBe(true);
    // One at a time they would take 300 × 150 ms = 45 s; a quarter of that leaves a busy machine room.
    expect(Date.now() - started).toBeLessThan((300 * 150) / 4);
    expect(server.requests).toHaveLength(0);
  });

  it('applies delay behaviours, and close() releases hanging requests', async () => {
    server = await startFakeOpenAiServer();
    // biome-ignore lint/suspicious/noThenProperty: `then` is the behaviour chained after the delay, not a thenable (it is never a function).
    server.enqueue({ type: 'delay', latencyMs: 100, then: { type: 'status', status: 500 } }, { type: 'hang' });
    const started = Date.now();
    expect((await chat(server.url, { model: 'm', messages: [] })).status).toBe(500);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    const hanging = chat(server.url, { model: 'm', messages: [] }).then(
      () => 'answered',
      () => 'failed',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.close();
    server = undefined;
    expect(await hanging).toBe('failed');
  });
});
