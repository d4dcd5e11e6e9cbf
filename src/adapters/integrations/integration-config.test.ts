import { describe, expect, it } from 'vitest';
import { parseIntegrationConfig, secretsNeeded } from './integration-config.ts';

const valid = {
  name: 'payments',
  label: 'your payments',
  categories: ['billing', 'refund'],
  urlTemplate: 'http://localhost:4100/customers/{customer.externalId}/payments',
  headers: { Authorization: 'Bearer {secret:ACCOUNT_TOKEN}' },
  fields: [{ path: 'payments[0].amount', label: 'Last payment', format: 'money', currency: 'EUR' }],
};

describe('parseIntegrationConfig', () => {
  it('accepts a valid config and fills the defaults', () => {
    const result = parseIntegrationConfig(valid);
    expect(result.kind).toBe('ok');
    if (result.kind === 'ok') {
      expect(result.config.method).toBe('GET');
      expect(result.config.timeoutMs).toBe(3000);
      expect(result.config.fields[0]?.optional).toBe(false);
    }
  });

  it('merges a single category into the list', () => {
    const result = parseIntegrationConfig({ ...valid, categories: undefined, category: 'billing' });
    expect(result.kind === 'ok' && result.config.categories).toEqual(['billing']);
  });

  it('lists every problem at once', () => {
    const result = parseIntegrationConfig({ ...valid, name: 'Bad Name', urlTemplate: 'ftp://x', fields: [] });
    expect(result.kind).toBe('invalid');
    if (result.kind === 'invalid') {
      expect(result.problems).toHaveLength(3);
      expect(result.problems.join('\n')).toContain('urlTemplate');
    }
  });

  it('refuses a config that serves no category', () => {
    expect(parseIntegrationConfig({ ...valid, categories: [] }).kind).toBe('invalid');
  });

  it('names the secrets a config needs', () => {
    const result = parseIntegrationConfig(valid);
    expect(result.kind === 'ok' && secretsNeeded(result.config)).toEqual(['ACCOUNT_TOKEN']);
  });
});
