import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * The peer's socket address. `in_process` means there is no socket at all (a test calling
 * `app.request()`), which is different from a socket whose address is unknown.
 */
export function clientAddressOf(c: Context): { kind: 'socket'; address: string | undefined } | { kind: 'in_process' } {
  const env = c.env as { incoming?: unknown; server?: unknown } | undefined;
  if (!env?.incoming && !env?.server) return { kind: 'in_process' };
  return { kind: 'socket', address: getConnInfo(c).remote.address };
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return v4.startsWith('127.') || address === '::1';
}

/** Whether binding to `host` keeps the server reachable from this machine only. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || isLoopbackAddress(host.replace(/^\[|\]$/g, ''));
}
