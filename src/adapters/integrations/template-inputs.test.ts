import { describe, expect, it } from 'vitest';
import { demoIntegrations } from '../../../demo/integrations.ts';
import { parseIntegrationConfig } from './integration-config.ts';
import { runLookup } from './run-lookup.ts';

const config = (urlTemplate: string) => ({
  name: 'plan',
  label: 'your plan',
  categories: ['billing'],
  urlTemplate,
  fields: [{ path: 'plan', label: 'Plan' }],
});

const problemsOf = (urlTemplate: string): string[] => {
  const result = parseIntegrationConfig(config(urlTemplate));
  return result.kind === 'invalid' ? [...result.problems] : [];
};

describe('lookup URL templates use only verified customer values', () => {
  it('refuses the email the visitor typed, saying why and what to use instead', () => {
    const [problem, ...rest] = problemsOf('https://accounts.example/plans?email={customer.email}');
    expect(rest).toEqual([]);
    expect(problem).toMatch(
      /^urlTemplate: \{customer\.email\} is the email the visitor typed into the chat, and nobody verified it/,
    );
    expect(problem).toMatch(/Use \{customer\.externalId\}, which your backend signs/);
  });

  it('refuses the typed name, and values Baton does not fill in', () => {
    expect(problemsOf('https://accounts.example/by-name/{customer.name}')[0]).toMatch(
      /the name the visitor typed/,
    );
    expect(problemsOf('https://accounts.example/{customer.phone}')[0]).toMatch(
      /is not a value Baton fills in/,
    );
  });

  it('allows an order number only beside the verified customer id or the email the customer stated', () => {
    expect(problemsOf('https://shop.example/orders/{order.number}')[0]).toMatch(
      /put \{customer\.externalId\} .* in the same URL/,
    );
    expect(problemsOf('https://shop.example/customers/{customer.externalId}/orders/{order.number}')).toEqual(
      [],
    );
    expect(problemsOf('https://shop.example/orders/{order.number}?email={stated.email}')).toEqual([]);
  });

  it('refuses a stated email on its own: anyone can type an address', () => {
    expect(problemsOf('https://shop.example/orders?email={stated.email}')[0]).toMatch(/proves nothing alone/);
  });

  it('accepts the verified id and secrets, and every demo integration', () => {
    expect(problemsOf('https://accounts.example/customers/{customer.externalId}?key={secret:KEY}')).toEqual(
      [],
    );
    for (const demo of demoIntegrations('http://127.0.0.1:1')) {
      expect(parseIntegrationConfig(demo).kind).toBe('ok');
    }
  });

  it('never fills an unverified value even into a config that skipped validation', async () => {
    const parsed = parseIntegrationConfig(config('https://accounts.example/customers/{customer.externalId}'));
    if (parsed.kind !== 'ok') throw new Error('the config is valid');
    const handBuilt = { ...parsed.config, urlTemplate: 'http://127.0.0.1:1/plans?email={customer.email}' };
    let called = false;
    const outcome = await runLookup(handBuilt, { 'customer.email': 'someone@example.com' }, {}, async () => {
      called = true;
      return new Response('{}');
    });
    expect(called).toBe(false);
    expect(outcome.status).toBe('failed');
    expect(outcome.error).toMatch(/not a verified customer value/);
  });
});
