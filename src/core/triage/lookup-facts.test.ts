import { describe, expect, it } from 'vitest';
import type { LookupOutcome } from '../handoff/index.ts';
import { accountTopicOf, composeAccountAnswer, statedEmail, statedOrderNumber } from './lookup-facts.ts';

const lookup = (overrides: Partial<LookupOutcome>): LookupOutcome => ({
  name: 'order',
  label: 'your order',
  inputs: { 'order.number': '1042' },
  status: 'ok',
  fields: [
    { label: 'Order', value: '1042' },
    { label: 'Order status', value: 'shipped' },
    { label: 'Carrier', value: 'Royal Mail' },
  ],
  error: null,
  latencyMs: 12,
  ...overrides,
});

const subscription = lookup({
  name: 'subscription',
  label: 'your subscription',
  inputs: {},
  fields: [
    { label: 'Plan', value: 'Pro' },
    { label: 'Renews on', value: '3 March 2026' },
  ],
});

describe('account topics', () => {
  it.each([
    ['where is my order?', 'order'],
    ['has my parcel shipped yet', 'order'],
    ['any news on order 1042', 'order'],
    ['when is my next payment?', 'subscription'],
    ['when will I be charged next', 'subscription'],
    ['what plan am I on', 'subscription'],
    ['how much does shipping to France cost?', null],
    ['what is your refund policy', null],
  ])('"%s" is about %s', (question, topic) => {
    expect(accountTopicOf(question)).toBe(topic);
  });
});

describe('answers from the customer’s own account', () => {
  it('leads with the order facts when the order lookup answered', () => {
    const answer = composeAccountAnswer({
      question: 'where is my order?',
      transcript: [],
      lookups: [subscription, lookup({})],
      identified: true,
    });
    expect(answer?.kind).toBe('facts');
    expect(answer?.text).toBe(
      'I checked your order:\n- Order: 1042\n- Order status: shipped\n- Carrier: Royal Mail',
    );
  });

  it('answers a next-payment question from the subscription lookup', () => {
    const answer = composeAccountAnswer({
      question: 'when is my next payment?',
      transcript: [],
      lookups: [lookup({}), subscription],
      identified: true,
    });
    expect(answer?.text).toContain('Renews on: 3 March 2026');
  });

  it('asks an anonymous visitor for the order number and email instead of pointing at a page', () => {
    const answer = composeAccountAnswer({
      question: 'where is my order?',
      transcript: [],
      lookups: [],
      identified: false,
    });
    expect(answer).toEqual({
      kind: 'ask',
      text: 'I can look that order up for you. Please send me your order number and the email address you used when you ordered.',
    });
  });

  it('asks only for what is still missing', () => {
    const answer = composeAccountAnswer({
      question: 'where is my order 1042?',
      transcript: [],
      lookups: [],
      identified: false,
    });
    expect(answer?.text).toBe(
      'I can look that order up for you. Please send me the email address you used when you ordered.',
    );
  });

  it('says nothing account-specific for a general question or a failed lookup of an identified customer', () => {
    expect(
      composeAccountAnswer({
        question: 'how long does delivery take?',
        transcript: [],
        lookups: [lookup({})],
        identified: true,
      }),
    ).toBeNull();
    const failed = lookup({ status: 'timeout', fields: [], error: 'no answer in time' });
    expect(
      composeAccountAnswer({
        question: 'where is my order?',
        transcript: [],
        lookups: [failed],
        identified: true,
      }),
    ).toBeNull();
  });
});

describe('what the customer stated', () => {
  it('finds the newest order number and email the customer wrote', () => {
    const lines = [
      { role: 'customer', text: 'my order #1038 is late' },
      { role: 'ai', text: 'order 9999 is an example' },
      { role: 'customer', text: 'sorry, it is order number 1042, ana@example.com' },
    ];
    expect(statedOrderNumber(lines)).toBe('1042');
    expect(statedEmail(lines)).toBe('ana@example.com');
  });
});
