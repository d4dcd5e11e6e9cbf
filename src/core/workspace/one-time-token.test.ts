import { describe, expect, it } from 'vitest';
import { checkOneTimeToken } from './one-time-token.ts';

const now = new Date('2026-03-02T10:00:00Z');
const stored = { tokenHash: 'abc', expiresAt: new Date('2026-03-02T11:00:00Z'), usedAt: null };

describe('checkOneTimeToken', () => {
  it('opens once, before it expires, for the right token', () => {
    expect(checkOneTimeToken(stored, 'abc', now)).toEqual({ kind: 'ok' });
  });
  it('refuses another token and a missing link alike', () => {
    expect(checkOneTimeToken(stored, 'abd', now)).toEqual({ kind: 'wrong' });
    expect(checkOneTimeToken(null, 'abc', now)).toEqual({ kind: 'wrong' });
  });
  it('refuses a used token even before it expires', () => {
    expect(checkOneTimeToken({ ...stored, usedAt: now }, 'abc', now)).toEqual({ kind: 'used' });
  });
  it('refuses at the expiry instant and after', () => {
    expect(checkOneTimeToken(stored, 'abc', stored.expiresAt)).toEqual({ kind: 'expired' });
  });
});
