import type { Context } from 'hono';

function firstValue(header: string | undefined): string | undefined {
  return header?.split(',')[0]?.trim() || undefined;
}

/**
 * The origin (scheme and host) the client addressed, e.g. `https://prompts.example.com`. Behind a
 * reverse proxy the socket only shows the proxy's hop, so with `trustProxy` the proxy's
 * X-Forwarded-Proto and X-Forwarded-Host say what the client used; without it those headers are
 * ignored, since any client could send them. Undefined when the host cannot be parsed.
 */
export function requestOrigin(c: Context, trustProxy: boolean): string | undefined {
  const url = new URL(c.req.url);
  let protocol = url.protocol;
  let host = url.host;
  if (trustProxy) {
    const forwardedProto = firstValue(c.req.header('x-forwarded-proto'))?.toLowerCase();
    if (forwardedProto === 'https' || forwardedProto === 'http') protocol = `${forwardedProto}:`;
    host = firstValue(c.req.header('x-forwarded-host')) ?? host;
  }
  try {
    return new URL(`${protocol}//${host}`).origin;
  } catch {
    return undefined;
  }
}
