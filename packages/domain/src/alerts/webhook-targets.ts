import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { InvalidRequestError } from '@promptops/errors';

export interface TargetPolicy {
  /** Any address, private ones included. */
  allowPrivate: boolean;
  /** Private ranges allowed all the same. */
  allowedCidrs: string[];
}

/** The address a delivery connects to: the one that was checked, so DNS cannot answer differently later. */
export interface CheckedTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

/**
 * Only globally routable unicast passes: loopback, private, link-local (169.254.169.254, the cloud
 * metadata address, among them), unique-local, carrier-grade NAT (100.100.100.200, another metadata
 * address), unspecified, multicast and reserved ranges are refused, also as IPv4-mapped IPv6.
 */
function isPublic(parsed: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  const address = parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress() ? (parsed as ipaddr.IPv6).toIPv4Address() : parsed;
  return address.range() === 'unicast';
}

function allowedByCidr(parsed: ipaddr.IPv4 | ipaddr.IPv6, cidrs: string[]): boolean {
  return cidrs.some((cidr) => {
    const range = ipaddr.parseCIDR(cidr);
    return range[0].kind() === parsed.kind() && parsed.match(range);
  });
}

export function parseWebhookUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvalidRequestError('The webhook url is not a valid URL', { url: raw });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new InvalidRequestError('The webhook url must be http:// or https://', { url: raw });
  if (url.username || url.password) throw new InvalidRequestError('The webhook url must not carry credentials', { url: url.origin });
  return url;
}

/** Resolves the URL's host and checks every address it resolves to; throws InvalidRequestError when one is refused. */
export async function checkWebhookTarget(raw: string, policy: TargetPolicy): Promise<CheckedTarget> {
  const url = parseWebhookUrl(raw);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  if (ipaddr.isValid(host)) addresses = [{ address: host, family: host.includes(':') ? 6 : 4 }];
  else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch (error) {
      throw new InvalidRequestError(`The webhook host "${host}" does not resolve`, { host, code: (error as { code?: string }).code ?? null });
    }
  }
  for (const { address } of addresses) {
    const parsed = ipaddr.parse(address);
    if (!policy.allowPrivate && !isPublic(parsed) && !allowedByCidr(parsed, policy.allowedCidrs)) {
      throw new InvalidRequestError(
        `The webhook host "${host}" resolves to ${address}, a ${parsed.range()} address; set WEBHOOK_ALLOW_PRIVATE_TARGETS=true or list it in WEBHOOK_ALLOWED_CIDRS to allow it`,
        { host, address, range: parsed.range() },
      );
    }
  }
  const first = addresses[0];
  if (!first) throw new InvalidRequestError(`The webhook host "${host}" has no address`, { host });
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
