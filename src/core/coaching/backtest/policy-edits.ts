/** Small, explicit edits that turn a published policy into a draft (threshold suggestions use them). */
import type { EscalationPolicy } from '../../triage/index.ts';

/** A copy of the policy with one category's answer threshold replaced; the version says it is a draft. */
export const withCategoryThreshold = (
  policy: EscalationPolicy,
  category: string,
  threshold: number,
): EscalationPolicy => {
  const settings = policy.categories[category];
  if (!settings) return policy;
  return {
    ...policy,
    version: `${policy.version}+draft`,
    categories: { ...policy.categories, [category]: { ...settings, threshold } },
  };
};
