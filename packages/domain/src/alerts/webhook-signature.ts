import { createHmac } from 'node:crypto';

/**
 * `X-PromptOps-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. The
 * timestamp is signed with the body so a receiver can refuse replays older than a few minutes.
 */
export function signatureHeaders(secret: string, body: string, now: Date): Record<string, string> {
  const t = Math.floor(now.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return { 'X-PromptOps-Timestamp': String(t), 'X-PromptOps-Signature': `t=${t},v1=${v1}` };
}
