import { describe, expect, it } from 'vitest';
import { signCustomerIdentity, verifyCustomerIdentity } from './customer-identity.ts';

const secret = 'identity-secret-for-tests-0123456789abcdef';

describe('customer identity signatures', () => {
  it('accepts the signature the company’s backend made for that customer', () => {
    expect(() =>
      verifyCustomerIdentity(secret, 'cus_ana', signCustomerIdentity(secret, 'cus_ana')),
    ).not.toThrow();
  });

  it('refuses a signature made for another customer', () => {
    expect(() => verifyCustomerIdentity(secret, 'cus_ben', signCustomerIdentity(secret, 'cus_ana'))).toThrow(
      expect.objectContaining({ code: 'token_invalid' }),
    );
  });

  it('refuses a signature made with another secret', () => {
    const forged = signCustomerIdentity('not-the-secret-0123456789abcdef0123', 'cus_ana');
    expect(() => verifyCustomerIdentity(secret, 'cus_ana', forged)).toThrow(
      expect.objectContaining({ code: 'token_invalid' }),
    );
  });
});
