/** Loads a company's own policy text, filling in default category phrasings it does not carry. */

import { DomainError } from '../../errors.ts';
import { readYaml } from '../../yaml/read-yaml.ts';
import { defaultCategoryDefinitions } from '../category/index.ts';
import { mergeCategoryDefinitions } from './default-policy.ts';
import type { EscalationPolicy } from './policy-schema.ts';
import { describePolicyProblems, type PolicyValidation, validatePolicy } from './validate-policy.ts';

/**
 * Parses and validates policy text (YAML or JSON). Categories of the default taxonomy that give no
 * description or examples get the default ones, so a short policy still trains a good model.
 */
export const checkPolicyText = (text: string): PolicyValidation => {
  const read = readYaml(text);
  if (read.kind === 'invalid') {
    return { kind: 'invalid', problems: [{ path: '(document)', message: read.message }] };
  }
  return validatePolicy(mergeCategoryDefinitions(read.value, defaultCategoryDefinitions()));
};

/** Like `checkPolicyText`, but throws a `policy_invalid` DomainError listing every problem. */
export const loadPolicy = (text: string): EscalationPolicy => {
  const result = checkPolicyText(text);
  if (result.kind === 'invalid') {
    throw new DomainError(
      'policy_invalid',
      `The policy is invalid:\n${describePolicyProblems(result.problems)}`,
      result.problems,
    );
  }
  return result.policy;
};
