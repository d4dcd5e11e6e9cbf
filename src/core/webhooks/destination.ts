/**
 * Where a webhook may be sent (issue 12): an absolute http(s) URL without credentials in it, and —
 * unless the install allows private destinations (BATON_WEBHOOK_ALLOW_PRIVATE) — never to a
 * loopback, private, link-local (cloud metadata at 169.254.169.254) or other non-public address,
 * so an ops account cannot make Baton probe its own network. Names are checked here as far as the
 * text goes; the sender checks every address a name resolves to before it connects.
 */
import ipaddr from 'ipaddr.js';
import { DomainError } from '../errors.ts';

export const MAX_WEBHOOK_URL_CHARS = 2000;

/** True for an address on the public internet (ipaddr.js's `unicast` range, IPv4-mapped ones unwrapped). */
export const isPublicAddress = (address: string): boolean => {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
};

/** Host names that always mean this machine or its network, whatever DNS says. */
const localNames = /(^|\.)(localhost|local|internal|localdomain|home\.arpa)$/i;

const unbracketed = (hostname: string): string =>
  hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;

/** The URL, parsed, when Baton may deliver to it; a DomainError saying what to change otherwise. */
export const checkWebhookUrl = (text: string, allowPrivate: boolean): URL => {
  if (text.length > MAX_WEBHOOK_URL_CHARS) {
    throw new DomainError('webhook_url_invalid', `The URL is over ${MAX_WEBHOOK_URL_CHARS} characters.`);
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new DomainError(
      'webhook_url_invalid',
      'Give an absolute URL such as https://example.com/baton-hook.',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new DomainError('webhook_url_invalid', 'Webhook URLs must start with https:// (or http://).');
  }
  if (url.username !== '' || url.password !== '') {
    throw new DomainError(
      'webhook_url_invalid',
      'Put no user name or password in the URL: receivers verify the signature instead.',
    );
  }
  if (allowPrivate) return url;
  const host = unbracketed(url.hostname);
  const literal = ipaddr.isValid(host);
  if ((literal && !isPublicAddress(host)) || (!literal && (localNames.test(host) || !host.includes('.')))) {
    throw new DomainError(
      'webhook_url_blocked',
      `${host} is a private, loopback or local address: Baton delivers webhooks to public addresses only ` +
        '(an install that needs private receivers sets BATON_WEBHOOK_ALLOW_PRIVATE=true).',
    );
  }
  return url;
};
