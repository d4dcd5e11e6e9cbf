/**
 * Identified customers (SPEC §11): the company's own backend signs the customer's id with the
 * identity secret (HMAC-SHA256, hex) and hands the pair to the chat widget; Baton checks it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../../core/errors.ts';

export const signCustomerIdentity = (secret: string, externalId: string): string =>
  createHmac('sha256', secret).update(externalId).digest('hex');

export const verifyCustomerIdentity = (secret: string, externalId: string, signature: string): void => {
  const expected = Buffer.from(signCustomerIdentity(secret, externalId));
  const given = Buffer.from(signature.toLowerCase());
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new DomainError(
      'token_invalid',
      'The customer identity signature does not match. Sign the customer id with HMAC-SHA256 and the identity secret.',
    );
  }
};
