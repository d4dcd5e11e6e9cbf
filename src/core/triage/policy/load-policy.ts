/** Loads a company's own policy text, filling in default category phrasings it does not carry. */

import { parse as parseYaml } from 'yaml';
import { DomainError } from '../../errors.ts';
import { defaultCategoryDefinitions } from '../category/index.ts';
import { mergeCategoryDefinitions } from './default-policy.ts';
import type { EscalationPolicy } from './policy-schema.ts';
import { describePolicyProblems, type PolicyValidation, validatePolicy } from './validate-policy.ts';

/**
 * Parses and validates policy text (YAML or JSON). Categories of the default taxonomy that give no
 * description or examples get the default ones, so a short policy still trains a good model.
 */
export const checkPolicyText = (text: string): PolicyValidation => {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    return {
      kind: 'invalid',
      problems: [{ path: '(document)', message: `is not valid YAML or JSON: ${message}` }],
    };
  }
  return validatePolicy(mergeCategoryDefinitions(document, defaultCategoryDefinitions()));
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
