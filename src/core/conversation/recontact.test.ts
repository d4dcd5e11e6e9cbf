import { describe, expect, it } from 'vitest';
import { isRecontactOf } from './recontact.ts';

const now = new Date('2026-11-24T12:00:00Z');
const days = (n: number) => new Date(now.getTime() - n * 86_400_000);
const earlier = (overrides: Partial<Parameters<typeof isRecontactOf>[0]> = {}) => ({
  id: 'c0',
  category: 'billing',
  state: 'resolved',
  resolvedAt: days(2),
  ...overrides,
});

describe('recontacts', () => {
  it('counts a return on the same category within the window', () => {
    expect(isRecontactOf(earlier(), 'billing', now)).toBe(true);
  });

  it('does not count another category', () => {
    expect(isRecontactOf(earlier(), 'shipping', now)).toBe(false);
  });

  it('does not count a return after the window', () => {
    expect(isRecontactOf(earlier({ resolvedAt: days(8) }), 'billing', now)).toBe(false);
  });

  it('does not count a conversation that was never resolved', () => {
    expect(isRecontactOf(earlier({ state: 'queued', resolvedAt: null }), 'billing', now)).toBe(false);
  });
});
