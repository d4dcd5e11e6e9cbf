import { describe, expect, it } from 'vitest';
import { defaultPolicy } from './default-policy.ts';
import { checkPolicyText, loadPolicy } from './load-policy.ts';
import { validatePolicy } from './validate-policy.ts';

const minimal = `
version: 3
defaultCategory: other
defaultTeam: support
teams:
  support: { name: Support }
categories:
  other: { team: support, threshold: 0.5 }
  refund: { team: support, threshold: 0.7, amountLimit: 200 }
`;

describe('policy validation', () => {
  it('accepts a minimal policy and fills in the trigger defaults', () => {
    const policy = loadPolicy(minimal);
    expect(policy.version).toBe('3');
    expect(policy.triggers.humanRequested.action).toBe('escalate');
    expect(policy.triggers.repeatedAsk.atRepeat).toBe(2);
    expect(policy.triggers.maxAiTurns).toBe(6);
  });

  it('gives default-taxonomy categories the default description and examples', () => {
    const policy = loadPolicy(minimal);
    expect(policy.categories.refund?.examples.length).toBeGreaterThan(10);
  });

  it('names the path and what is wrong for a threshold out of range', () => {
    const result = checkPolicyText(minimal.replace('threshold: 0.7', 'threshold: 1.5'));
    expect(result).toEqual({
      kind: 'invalid',
      problems: [{ path: 'categories.refund.threshold', message: 'must be between 0 and 1' }],
    });
  });

  it('lists every problem at once: unknown team, unknown setting, bad trigger action', () => {
    const text = `${minimal.replace('refund: { team: support', 'refund: { team: billing, colour: red')}
triggers:
  urgent: { action: shout }
`;
    const result = checkPolicyText(text);
    expect(result.kind).toBe('invalid');
    const paths = result.kind === 'invalid' ? result.problems.map((problem) => problem.path) : [];
    expect(paths).toEqual(
      expect.arrayContaining([
        'categories.refund.colour',
        'triggers.urgent.action',
        'categories.refund.team',
      ]),
    );
    const team =
      result.kind === 'invalid'
        ? result.problems.find((problem) => problem.path === 'categories.refund.team')
        : null;
    expect(team?.message).toBe('team "billing" is not defined under teams');
  });

  it('reports a missing version and an empty taxonomy', () => {
    const result = validatePolicy({
      defaultCategory: 'other',
      defaultTeam: 'a',
      teams: { a: { name: 'A' } },
      categories: {},
    });
    const paths = result.kind === 'invalid' ? result.problems.map((problem) => problem.path) : [];
    expect(paths).toEqual(expect.arrayContaining(['version', 'categories', 'defaultCategory']));
  });

  it('reports bad business hours with the day that is wrong', () => {
    const text = minimal.replace(
      'support: { name: Support }',
      'support: { name: Support, businessHours: { timeZone: Europe/Paris, days: { "1": ["9:00", "17:00"] } } }',
    );
    const result = checkPolicyText(text);
    expect(result.kind === 'invalid' ? result.problems[0] : null).toEqual({
      path: 'teams.support.businessHours.days.1[0]',
      message: 'must be a time "HH:MM"',
    });
  });

  it('reports YAML syntax errors as one problem', () => {
    const result = checkPolicyText('version: [1\n');
    expect(result.kind === 'invalid' ? result.problems[0]?.path : null).toBe('(document)');
  });

  it('throws a policy_invalid error whose message lists the problems', () => {
    expect(() => loadPolicy(minimal.replace('threshold: 0.5', 'threshold: -1'))).toThrow(
      /categories\.other\.threshold: must be between 0 and 1/,
    );
  });
});

describe('default policy', () => {
  it('has the contract taxonomy with its high-risk categories', () => {
    const policy = defaultPolicy();
    expect(Object.keys(policy.categories).sort()).toEqual(
      [
        'account_access',
        'account_closure',
        'billing',
        'compliance_privacy',
        'complaint',
        'fraud',
        'legal',
        'order_status',
        'other',
        'payment_dispute',
        'product_question',
        'refund',
        'shipping',
      ].sort(),
    );
    const highRisk = Object.entries(policy.categories)
      .filter(([, category]) => category.highRisk)
      .map(([name]) => name)
      .sort();
    expect(highRisk).toEqual(['account_closure', 'compliance_privacy', 'fraud', 'legal']);
    expect(policy.categories.payment_dispute?.amountLimit).not.toBeNull();
  });

  it('is frozen so nothing can change it in place', () => {
    expect(Object.isFrozen(defaultPolicy().categories)).toBe(true);
  });
});
