import { describe, expect, it } from 'vitest';
import type { LookupOutcome } from '../handoff/index.ts';
import { answerWithLookupFacts } from './lookup-facts.ts';

const lookup = (overrides: Partial<LookupOutcome>): LookupOutcome => ({
  name: 'order',
  label: 'your order',
  inputs: { 'order.number': '1042' },
  status: 'ok',
  fields: [
    { label: 'Order status', value: 'shipped' },
    { label: 'Carrier', value: 'Royal Mail' },
  ],
  error: null,
  latencyMs: 12,
  ...overrides,
});

describe('answers with lookup facts', () => {
  it('adds what the lookups found, with their labels', () => {
    const text = answerWithLookupFacts('Orders ship in 2 days.', [lookup({})]);
    expect(text).toContain('Orders ship in 2 days.');
    expect(text).toContain('Order status: shipped · Carrier: Royal Mail');
  });

  it('leaves the answer alone when no lookup answered', () => {
    const failed = lookup({ status: 'timeout', fields: [], error: 'the service did not answer in time' });
    expect(answerWithLookupFacts('Orders ship in 2 days.', [failed])).toBe('Orders ship in 2 days.');
  });
});
