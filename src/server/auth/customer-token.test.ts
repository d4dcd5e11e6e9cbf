import { createHmac } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { issueCustomerToken, verifyCustomerToken } from './customer-token.ts';

const secret = 'a-test-secret-that-is-long-enough-000000';
const now = new Date('2026-11-24T10:00:00Z');
const claims = {
  conversationId: 'conv-1',
  customerId: 'cust-1',
  expiresAt: new Date('2026-11-25T10:00:00Z'),
};

describe('customer conversation tokens', () => {
  it('round-trips the conversation and customer they were issued for', () => {
    const verified = verifyCustomerToken(secret, issueCustomerToken(secret, claims), now);
    expect(verified).toMatchObject({ conversationId: 'conv-1', customerId: 'cust-1' });
  });

  it('rejects a token whose payload was edited to point at another conversation', () => {
    const [, signature] = issueCustomerToken(secret, claims).split('.');
    const forged = Buffer.from(JSON.stringify({ c: 'conv-2', u: 'cust-1', e: 1_900_000_000 })).toString(
      'base64url',
    );
    expect(() => verifyCustomerToken(secret, `${forged}.${signature}`, now)).toThrow(/not valid/);
  });

  it('rejects a token signed with another secret', () => {
    const token = issueCustomerToken('another-secret-that-is-long-enough-11111', claims);
    expect(() => verifyCustomerToken(secret, token, now)).toThrow(
      expect.objectContaining({ code: 'token_invalid' }),
    );
  });

  it('rejects an expired token with a message saying what to do', () => {
    const token = issueCustomerToken(secret, claims);
    expect(() => verifyCustomerToken(secret, token, new Date('2026-11-26T00:00:00Z'))).toThrow(
      expect.objectContaining({ code: 'token_expired' }),
    );
  });

  it('rejects garbage', () => {
    expect(() => verifyCustomerToken(secret, 'not-a-token', now)).toThrow(
      expect.objectContaining({ code: 'token_invalid' }),
    );
  });
});

describe('customer token key separation', () => {
  it('refuses a token signed with the secret itself, as a customer identity signature is', () => {
    const [payload] = issueCustomerToken(secret, claims).split('.');
    // What an identity signature over that payload would be, made with the same secret (development).
    const raw = createHmac('sha256', secret)
      .update(payload ?? '')
      .digest('base64url');
    expect(() => verifyCustomerToken(secret, `${payload}.${raw}`, now)).toThrow(
      expect.objectContaining({ code: 'token_invalid' }),
    );
  });
});

describe('a token signed by a process with another BATON_SECRET', () => {
  it('warns the operator once in a while, and not for garbage or expired tokens', async () => {
    // Warnings the tests above caused (from the module instance they used) arrive first.
    await new Promise((resolve) => setTimeout(resolve, 10));
    vi.resetModules();
    const fresh = await import('./customer-token.ts');
    const warnings: Error[] = [];
    // Only ours: the runner may emit warnings of its own meanwhile.
    const listen = (warning: Error & { code?: string }) => {
      if (warning.code === 'BATON_SECRET_MISMATCH') warnings.push(warning);
    };
    process.on('warning', listen);
    try {
      const foreign = fresh.issueCustomerToken('another-secret-that-is-long-enough-11111', claims);
      expect(() => fresh.verifyCustomerToken(secret, 'not-a-token', now)).toThrow();
      expect(() => fresh.verifyCustomerToken(secret, foreign, new Date('2026-11-26T00:00:00Z'))).toThrow();
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).toHaveLength(0);
      expect(() => fresh.verifyCustomerToken(secret, foreign, now)).toThrow(
        expect.objectContaining({ code: 'token_invalid' }),
      );
      expect(() => fresh.verifyCustomerToken(secret, foreign, now)).toThrow();
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.map((warning) => warning.message)).toEqual([expect.stringContaining('BATON_SECRET')]);
      expect(() =>
        fresh.verifyCustomerToken(secret, foreign, new Date(now.getTime() + 11 * 60_000)),
      ).toThrow();
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).toHaveLength(2);
    } finally {
      process.off('warning', listen);
    }
  });
});
