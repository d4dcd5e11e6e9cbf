/**
 * Whether a WebSocket upgrade may proceed, by its Origin. Browsers always send Origin on a
 * WebSocket and let any page open one with the site's cookies, so a page elsewhere could listen
 * with a signed-in agent's session (cross-site WebSocket hijacking). Baton's own pages (Origin's
 * host equals the Host the request came to) and configured origins pass. A client with no Origin
 * is not a browser, carries no ambient cookie of a victim, and must authenticate like any other.
 */
import type { IncomingMessage } from 'node:http';

const hostOf = (origin: string): string | null => {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
};

export const originAllowed = (request: IncomingMessage, allowed: readonly string[]): boolean => {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  const host = hostOf(origin);
  return host !== null && host === request.headers.host;
};
