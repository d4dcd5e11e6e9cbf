/**
 * Identified customers (SPEC §11): the company's own backend signs the customer's id with the
 * identity secret (HMAC-SHA256, hex) and hands the pair to the chat widget; Baton checks it. A
 * signature can carry an expiry: then the signed text is `baton-identity:<expires>:<id>` (unix
 * seconds), labelled so a plain signature of some id can never pass as an expiring one. Plain
 * signatures of the id alone (no expiry) keep working.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../../core/errors.ts';

/** The text the company's backend signs: the id alone, or with its expiry under the label. */
const signedText = (externalId: string, expires?: number): string =>
  expires === undefined ? externalId : `baton-identity:${expires}:${externalId}`;

export const signCustomerIdentity = (secret: string, externalId: string, expires?: number): string =>
  createHmac('sha256', secret).update(signedText(externalId, expires)).digest('hex');

export interface IdentityClaim {
  readonly externalId: string;
  readonly signature: string;
  /** Unix seconds; absent for signatures without an expiry. */
  readonly expires?: number | undefined;
}

export const verifyCustomerIdentity = (secret: string, claim: IdentityClaim, now: Date): void => {
  const expected = Buffer.from(signCustomerIdentity(secret, claim.externalId, claim.expires));
  const given = Buffer.from(claim.signature.toLowerCase());
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new DomainError(
      'token_invalid',
      'The customer identity signature does not match. Sign the customer id with HMAC-SHA256 and the identity secret' +
        (claim.expires === undefined ? '.' : ', over "baton-identity:<expires>:<customer id>".'),
    );
  }
  // Checked after the signature, so an unsigned expiry says nothing about the secret.
  if (claim.expires !== undefined && claim.expires * 1000 <= now.getTime()) {
    throw new DomainError(
      'identity_expired',
      'The customer identity signature has expired. Reload the page so your site signs the customer again.',
    );
  }
};
