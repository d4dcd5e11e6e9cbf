import { describe, expect, it } from 'vitest';
import type { LookupOutcome } from '../handoff/lookup-outcome.ts';
import {
  fieldKey,
  fillReply,
  knownPlaceholders,
  placeholderValues,
  unknownPlaceholders,
} from './placeholders.ts';

const lookups = [
  { name: 'order', fieldLabels: ['Order', 'Order status', 'Expected delivery'] },
  { name: 'subscription', fieldLabels: ['Plan', 'Renews on'] },
];

const orderLookup = (status: string): LookupOutcome => ({
  name: 'order',
  label: 'your order',
  inputs: {},
  status: 'ok',
  fields: [
    { label: 'Order', value: '1042' },
    { label: 'Order status', value: status },
  ],
  error: null,
  latencyMs: 12,
});

describe('canned reply placeholders', () => {
  it('names a lookup field by its label in snake_case, without the lookup name repeated', () => {
    expect(fieldKey('order', 'Order status')).toBe('status');
    expect(fieldKey('order', 'Order')).toBe('order');
    expect(fieldKey('subscription', 'Renews on')).toBe('renews_on');
  });

  it('knows the people placeholders and every configured lookup field, and nothing else', () => {
    const known = knownPlaceholders(lookups);
    expect(
      unknownPlaceholders('Hi {{customer.first_name}}, your order is {{ order.status }}.', known),
    ).toEqual([]);
    expect(
      unknownPlaceholders(
        'Hi {{customer.nmae}}, {{order.colour}} {{order.colour}} {{}} {{subscription.plan}}',
        known,
      ),
    ).toEqual(['customer.nmae', 'order.colour', '']);
  });

  it('fills what the conversation knows and leaves the rest visible for the agent', () => {
    const values = placeholderValues({
      customer: { name: 'Dana Whitfield', email: null },
      agent: { name: 'Maya Chen' },
      lookups: [orderLookup('packed'), orderLookup('shipped'), { ...orderLookup('lost'), status: 'failed' }],
    });
    const filled = fillReply(
      'Hi {{customer.first_name}}, order {{order.order}} is {{order.status}}. {{customer.email}} — {{agent.first_name}}',
      values,
    );
    expect(filled.text).toBe('Hi Dana, order 1042 is shipped. {{customer.email}} — Maya');
    expect(filled.unfilled).toEqual(['customer.email']);
  });
});
