/**
 * Customers hold a signed conversation token (SPEC §11): HMAC-SHA256 over the conversation and
 * customer ids and an expiry, so one customer can never read another's conversation. The HMAC key
 * is derived from BATON_SECRET by HKDF with this purpose's label (domain separation): without
 * BATON_IDENTITY_SECRET (development) BATON_SECRET also signs customer identities, and a
 * signature made for one purpose must never pass as the other.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../../core/errors.ts';

export interface CustomerClaims {
  readonly conversationId: string;
  readonly customerId: string;
  readonly expiresAt: Date;
}

const tokenKey = (secret: string): Buffer =>
  Buffer.from(hkdfSync('sha256', secret, 'baton-signing', 'customer-conversation-token v1', 32));

const sign = (secret: string, payload: string): string =>
  createHmac('sha256', tokenKey(secret)).update(payload).digest('base64url');

const matches = (expected: string, signature: string): boolean => {
  const a = Buffer.from(expected);
  const b = Buffer.from(signature);
  return a.length === b.length && timingSafeEqual(a, b);
};

export const issueCustomerToken = (secret: string, claims: CustomerClaims): string => {
  const payload = Buffer.from(
    JSON.stringify({
      c: claims.conversationId,
      u: claims.customerId,
      e: Math.floor(claims.expiresAt.getTime() / 1000),
    }),
  ).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
};

const invalid = () =>
  new DomainError(
    'token_invalid',
    'This conversation token is not valid. Start a new conversation from the chat page.',
  );

export const verifyCustomerToken = (secret: string, token: string, now: Date): CustomerClaims => {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) throw invalid();
  // Tokens signed with BATON_SECRET itself (before the derived key) are refused on purpose: with
  // the same secret signing identities, an identity signature for a crafted id would pass as one.
  if (!matches(sign(secret, payload), signature)) throw invalid();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (
    typeof decoded !== 'object' ||
    decoded === null ||
    !('c' in decoded && 'u' in decoded && 'e' in decoded) ||
    typeof decoded.c !== 'string' ||
    typeof decoded.u !== 'string' ||
    typeof decoded.e !== 'number'
  ) {
    throw invalid();
  }
  const expiresAt = new Date(decoded.e * 1000);
  if (expiresAt.getTime() <= now.getTime()) {
    throw new DomainError(
      'token_expired',
      'This conversation link has expired. Start a new conversation from the chat page.',
    );
  }
  return { conversationId: decoded.c, customerId: decoded.u, expiresAt };
};
