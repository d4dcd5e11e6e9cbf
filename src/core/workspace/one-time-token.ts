/**
 * One-time links (the first-run set-up link, invitations): a random token, stored only as its hash,
 * good once and until it expires. The check is a decision over values; hashing happens outside.
 */

export interface OneTimeToken {
  readonly tokenHash: string;
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
}

export type OneTimeTokenCheck =
  | { readonly kind: 'ok' }
  | { readonly kind: 'wrong' }
  | { readonly kind: 'used' }
  | { readonly kind: 'expired' };

/** Whether a presented token (already hashed) opens this one-time link now. */
export const checkOneTimeToken = (
  stored: OneTimeToken | null,
  presentedHash: string,
  now: Date,
): OneTimeTokenCheck => {
  if (stored === null || stored.tokenHash !== presentedHash) return { kind: 'wrong' };
  if (stored.usedAt !== null) return { kind: 'used' };
  if (stored.expiresAt.getTime() <= now.getTime()) return { kind: 'expired' };
  return { kind: 'ok' };
};
