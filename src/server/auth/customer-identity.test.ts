import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signCustomerIdentity, verifyCustomerIdentity } from './customer-identity.ts';

const secret = 'identity-secret-for-tests-0123456789abcdef';
const now = new Date('2026-12-05T12:00:00Z');
const inAnHour = Math.floor(now.getTime() / 1000) + 3600;
const anHourAgo = Math.floor(now.getTime() / 1000) - 3600;

const verify = (externalId: string, signature: string, expires?: number) =>
  verifyCustomerIdentity(secret, { externalId, signature, expires }, now);

describe('customer identity signatures', () => {
  it('accepts the signature the company’s backend made for that customer', () => {
    expect(() => verify('cus_ana', signCustomerIdentity(secret, 'cus_ana'))).not.toThrow();
  });

  it('refuses a signature made for another customer', () => {
    expect(() => verify('cus_ben', signCustomerIdentity(secret, 'cus_ana'))).toThrow(
      expect.objectContaining({ code: 'token_invalid' }),
    );
  });

  it('refuses a signature made with another secret', () => {
    const forged = signCustomerIdentity('not-the-secret-0123456789abcdef0123', 'cus_ana');
    expect(() => verify('cus_ana', forged)).toThrow(expect.objectContaining({ code: 'token_invalid' }));
  });
});

describe('customer identity signatures with an expiry', () => {
  it('accepts one before its expiry, signed over the labelled text a backend can compute', () => {
    const byBackend = createHmac('sha256', secret).update(`baton-identity:${inAnHour}:cus_ana`).digest('hex');
    expect(signCustomerIdentity(secret, 'cus_ana', inAnHour)).toBe(byBackend);
    expect(() => verify('cus_ana', byBackend, inAnHour)).not.toThrow();
  });

  it('refuses one past its expiry with identity_expired', () => {
    expect(() => verify('cus_ana', signCustomerIdentity(secret, 'cus_ana', anHourAgo), anHourAgo)).toThrow(
      expect.objectContaining({ code: 'identity_expired' }),
    );
  });

  it('refuses a moved expiry, and a plain signature presented with an expiry', () => {
    const signed = signCustomerIdentity(secret, 'cus_ana', anHourAgo);
    expect(() => verify('cus_ana', signed, inAnHour)).toThrow(
      expect.objectContaining({ code: 'token_invalid' }),
    );
    expect(() => verify('cus_ana', signCustomerIdentity(secret, 'cus_ana'), inAnHour)).toThrow(
      expect.objectContaining({ code: 'token_invalid' }),
    );
  });
});
