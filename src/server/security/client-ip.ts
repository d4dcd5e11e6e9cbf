/**
 * The address a request came from, for per-address limits. Behind N reverse proxies the client is
 * the N-th address from the right of X-Forwarded-For (each proxy appends what it saw); without
 * proxies the header is the client's own words and is ignored. IPv6 addresses count per /64, the
 * block one customer line usually gets, so rotating through it does not escape a limit.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

const ipv6Prefix = (address: string): string => {
  const [head = '', tail = ''] = address.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === '' ? [] : tail.split(':');
  const missing = address.includes('::') ? 8 - headGroups.length - tailGroups.length : 0;
  const groups = [...headGroups, ...Array<string>(Math.max(0, missing)).fill('0'), ...tailGroups];
  return `${groups.slice(0, 4).join(':')}::/64`;
};

/** One key per client: IPv4 as is (also when mapped into IPv6), IPv6 by its /64. */
export const addressKey = (address: string): string => {
  const trimmed = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(trimmed);
  if (mapped?.[1]) return mapped[1];
  return trimmed.includes(':') ? ipv6Prefix(trimmed) : trimmed;
};

export const clientAddress = (c: Context, trustedProxyHops: number): string => {
  let socketAddress = 'unknown';
  try {
    socketAddress = getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Not served by the Node adapter (app.request in tests): no socket to ask.
  }
  if (trustedProxyHops <= 0) return addressKey(socketAddress);
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const client = forwarded[forwarded.length - trustedProxyHops] ?? forwarded[0] ?? socketAddress;
  return addressKey(client);
};
