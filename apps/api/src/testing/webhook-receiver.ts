import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  /** The body exactly as received; the signature covers these bytes. */
  raw: string;
  body: any;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Status codes to answer, in order; 200 once they run out. */
  answerWith(...statuses: number[]): void;
  /** What a receiver should check: the HMAC of "<t>.<raw body>" under `secret`, and a fresh `t`. */
  verify(request: ReceivedWebhook, secret: string, toleranceSeconds?: number): boolean;
  close(): Promise<void>;
}

/** A receiving HTTP server on loopback, as a user's webhook endpoint would be, checking signatures the documented way. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const answers: number[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      received.push({ headers: request.headers, raw, body: JSON.parse(raw) });
      const status = answers.shift() ?? 200;
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ received: status < 300, status }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/promptops`,
    received,
    answerWith(...statuses) {
      answers.push(...statuses);
    },
    verify(request, secret, toleranceSeconds = 300) {
      const header = String(request.headers['x-promptops-signature'] ?? '');
      const parts = Object.fromEntries(header.split(',').map((part) => part.split('=', 2) as [string, string]));
      const t = Number(parts.t);
      if (!Number.isInteger(t) || String(t) !== request.headers['x-promptops-timestamp']) return false;
      if (Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
      const expected = createHmac('sha256', secret).update(`${t}.${request.raw}`).digest();
      const given = Buffer.from(parts.v1 ?? '', 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
