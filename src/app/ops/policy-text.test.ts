import { describe, expect, it } from 'vitest';
import { checkPolicyText, defaultPolicy } from '../../core/triage/policy/index.ts';
import { policyYaml } from './policy-text.ts';

describe('policyYaml', () => {
  it('leaves out the default phrasings and reads back as the same policy', () => {
    const policy = defaultPolicy();
    const text = policyYaml(policy);
    expect(text).not.toContain('where is my order');
    expect(text).toContain('threshold: 0.55');
    expect(text.split('\n').length).toBeLessThan(200);
    const again = checkPolicyText(text);
    expect(again).toEqual({ kind: 'valid', policy });
  });

  it('keeps a category’s own description and examples', () => {
    const policy = defaultPolicy();
    const refund = policy.categories.refund;
    if (!refund) throw new Error('the default policy has no refund category');
    const document = {
      ...policy,
      categories: { ...policy.categories, refund: { ...refund, examples: ['money back for my sofa'] } },
    };
    const text = policyYaml(document);
    expect(text).toContain('money back for my sofa');
    const again = checkPolicyText(text);
    expect(again.kind === 'valid' ? again.policy.categories.refund?.examples : null).toEqual([
      'money back for my sofa',
    ]);
  });
});
