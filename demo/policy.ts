/**
 * Acme's escalation policy: Baton's default policy plus one rule of Acme's own. Acme's billing team
 * wants every question about a specific charge from a paying member, so a person can look into the
 * account; the AI still looks up the plan and payments first so nobody starts cold.
 */
import { defaultPolicy } from '../src/core/triage/index.ts';

export const demoPolicyDocument = () => {
  const base = defaultPolicy();
  return {
    ...base,
    version: `${base.version}-acme`,
    name: 'Acme escalation policy',
    rules: [
      ...base.rules,
      {
        id: 'member_charge_question',
        description: 'a member asking about a specific charge needs a billing investigation',
        when: {
          categories: ['billing', 'payment_dispute'],
          anyWords: ['charge', 'charged', 'charges', 'billed', 'overcharged'],
          customerPlans: ['basic', 'pro', 'business'],
        },
        team: 'billing',
      },
    ],
  };
};
