import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type RunningServer } from './server';
import { createTestApp, type TestApp } from './testing/create-test-app';

// Issue 11 item 10: a body over the limit is refused before it is read to its end, so the server
// closes the connection after the 413, and the answer must say `Connection: close`, not keep-alive.

const LIMIT = 4096;

interface RawExchange {
  head: string;
  body: string;
  /** The server ended the connection (FIN) after answering. */
  closedByServer: boolean;
}

/** Writes `request` on a fresh socket and collects everything the server sends until it closes. */
function exchange(port: number, request: string): Promise<RawExchange> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
    });
    socket.on('error', reject);
    socket.on('end', () => {
      const [head = '', ...rest] = received.split('\r\n\r\n');
      resolve({ head, body: rest.join('\r\n\r\n'), closedByServer: true });
      socket.destroy();
    });
    socket.write(request);
  });
}

/** A request on a fresh socket whose answer is read without waiting for the connection to end. */
function headOf(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8');
    socket.on('error', reject);
    socket.on('data', (chunk: string) => {
      received += chunk;
      if (received.includes('\r\n\r\n')) {
        resolve(received.split('\r\n\r\n')[0]!);
        socket.destroy();
      }
    });
    socket.write(request);
  });
}

const headerOf = (head: string, name: string) =>
  head
    .split('\r\n')
    .find((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`))
    ?.slice(name.length + 1)
    .trim();

describe('a body over the size limit, over a real socket', () => {
  let t: TestApp;
  let server: RunningServer;
  let port: number;

  beforeAll(async () => {
    t = await createTestApp({ MAX_BODY_BYTES: String(LIMIT), RATE_LIMIT_PER_MINUTE: '0' });
    server = await startApiServer(t.app, { host: '127.0.0.1', port: 0 });
    port = Number(new URL(server.url).port);
  });
  afterAll(async () => {
    await server?.close();
    await t?.close();
  });

  it('answers 413 with Connection: close when Content-Length is over the limit, then closes the connection', async () => {
    // The declared length is refused before any of the body is read; only part of it is sent, so
    // the test does not depend on how much of an unread body the server drains.
    const declared = LIMIT * 50;
    const partial = `{"user_prompt": "${'x'.repeat(LIMIT)}`;
    const answer = await exchange(
      port,
      `POST /v1/executions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${declared}\r\n\r\n${partial}`,
    );
    expect(answer.head).toMatch(/^HTTP\/1\.1 413 /);
    expect(headerOf(answer.head, 'connection')).toBe('close');
    expect(headerOf(answer.head, 'keep-alive')).toBeUndefined();
    expect(JSON.parse(answer.body)).toEqual({
      error: { type: 'payload_too_large', message: `Request body exceeds ${LIMIT} bytes`, details: { limit_bytes: LIMIT } },
    });
    expect(answer.closedByServer).toBe(true);
  });

  it('says Connection: close for a chunked body that grows over the limit too', async () => {
    const body = JSON.stringify({ user_prompt: 'y'.repeat(LIMIT * 2) });
    const chunks = [body.slice(0, 1000), body.slice(1000)].map((part) => `${Buffer.byteLength(part).toString(16)}\r\n${part}\r\n`).join('');
    const answer = await exchange(
      port,
      `POST /v1/executions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${chunks}0\r\n\r\n`,
    );
    expect(answer.head).toMatch(/^HTTP\/1\.1 413 /);
    expect(headerOf(answer.head, 'connection')).toBe('close');
    expect(JSON.parse(answer.body).error.type).toBe('payload_too_large');
    expect(answer.closedByServer).toBe(true);
  });

  it('keeps the connection alive for a body within the limit', async () => {
    const body = JSON.stringify({ user_prompt: 'small' });
    const head = await headOf(
      port,
      `POST /v1/executions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    expect(head).toMatch(/^HTTP\/1\.1 202 /);
    expect(headerOf(head, 'connection')).toBe('keep-alive');
  });
});
