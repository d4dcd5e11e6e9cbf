/** The escalation policy as data (SPEC §5): schema, validation, the shipped default, loading. */
export { defaultPolicy, mergeCategoryDefinitions, policyCategoryDefinitions } from './default-policy.ts';
export { checkPolicyText, loadPolicy } from './load-policy.ts';
export type {
  CategoryPolicy,
  EscalationPolicy,
  PolicyRule,
  TeamPolicy,
  TriggerAction,
} from './policy-schema.ts';
export { policySchema } from './policy-schema.ts';
export type { PolicyProblem, PolicyValidation } from './validate-policy.ts';
export { describePolicyProblems, validatePolicy } from './validate-policy.ts';
