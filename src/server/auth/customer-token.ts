/**
 * Customers hold a signed conversation token (SPEC §11): HMAC-SHA256 over the conversation and
 * customer ids and an expiry, so one customer can never read another's conversation. The HMAC key
 * is derived from BATON_SECRET by HKDF with this purpose's label (domain separation): without
 * BATON_IDENTITY_SECRET (development) BATON_SECRET also signs customer identities, and a
 * signature made for one purpose must never pass as the other.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { boundedMemo } from '../../core/bounded-memo.ts';
import { DomainError } from '../../core/errors.ts';

export interface CustomerClaims {
  readonly conversationId: string;
  readonly customerId: string;
  readonly expiresAt: Date;
}

// Derived once per secret: every customer request checks a token, and the secret rarely changes.
const derivedKeys = boundedMemo<string, Buffer>(16);
const deriveKey = (secret: string): Buffer =>
  Buffer.from(hkdfSync('sha256', secret, 'baton-signing', 'customer-conversation-token v1', 32));
const tokenKey = (secret: string): Buffer => derivedKeys.get(secret, deriveKey);

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

/** The claims a payload carries, or null when it is not one of ours. */
const claimsOf = (payload: string): { c: string; u: string; e: number } | null => {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (
    typeof decoded !== 'object' ||
    decoded === null ||
    !('c' in decoded && 'u' in decoded && 'e' in decoded) ||
    typeof decoded.c !== 'string' ||
    typeof decoded.u !== 'string' ||
    typeof decoded.e !== 'number'
  ) {
    return null;
  }
  return { c: decoded.c, u: decoded.u, e: decoded.e };
};

/** At most one warning per process in this interval: a busy widget must not flood the log. */
const SECRET_MISMATCH_WARNING_EVERY_MS = 10 * 60_000;
let lastMismatchWarning = Number.NEGATIVE_INFINITY;

/**
 * A token whose payload is one of ours and still valid, but whose signature fails, was almost
 * certainly issued by a process with another BATON_SECRET (or before an upgrade changed the key):
 * the operator should hear it, since every customer of that process is being turned away.
 */
const warnOfSecretMismatch = (now: Date): void => {
  if (now.getTime() - lastMismatchWarning < SECRET_MISMATCH_WARNING_EVERY_MS) return;
  lastMismatchWarning = now.getTime();
  process.emitWarning(
    'A customer conversation token with a well-formed, unexpired payload failed its signature. ' +
      'Another Baton process with a different BATON_SECRET probably issued it (or it predates an upgrade, or ' +
      'someone edited it): ' +
      'every process sharing this database needs the same BATON_SECRET.',
    { code: 'BATON_SECRET_MISMATCH' },
  );
};

export const verifyCustomerToken = (secret: string, token: string, now: Date): CustomerClaims => {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) throw invalid();
  const claims = claimsOf(payload);
  // Tokens signed with BATON_SECRET itself (before the derived key) are refused on purpose: with
  // the same secret signing identities, an identity signature for a crafted id would pass as one.
  if (!matches(sign(secret, payload), signature)) {
    if (claims !== null && claims.e * 1000 > now.getTime()) warnOfSecretMismatch(now);
    throw invalid();
  }
  if (claims === null) throw invalid();
  const decoded = claims;
  const expiresAt = new Date(decoded.e * 1000);
  if (expiresAt.getTime() <= now.getTime()) {
    throw new DomainError(
      'token_expired',
      'This conversation link has expired. Start a new conversation from the chat page.',
    );
  }
  return { conversationId: decoded.c, customerId: decoded.u, expiresAt };
};
