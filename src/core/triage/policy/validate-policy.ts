/** Validates a policy document and reports every problem with its path ("categories.refund.threshold"). */

import { referenceProblems } from './policy-references.ts';
import { type EscalationPolicy, policySchema } from './policy-schema.ts';

export interface PolicyProblem {
  /** Dotted path into the document, e.g. `categories.refund.threshold` or `rules[0].team`. */
  readonly path: string;
  readonly message: string;
}

export type PolicyValidation =
  | { readonly kind: 'valid'; readonly policy: EscalationPolicy }
  | { readonly kind: 'invalid'; readonly problems: readonly PolicyProblem[] };

const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    return text === '' ? String(part) : `${text}.${String(part)}`;
  }, '');

const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
};

/** Checks a parsed policy document against the schema; every problem is listed at once. */
export const validatePolicy = (document: unknown): PolicyValidation => {
  const result = policySchema.safeParse(document);
  const references = referenceProblems(document);
  if (result.success && references.length === 0) return { kind: 'valid', policy: deepFreeze(result.data) };
  if (result.success) return { kind: 'invalid', problems: references };
  const problems = result.error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    if (keys.length > 0) {
      return {
        path: formatPath([...issue.path, keys[0] ?? '']),
        message: `is not a known setting (${keys.join(', ')})`,
      };
    }
    return { path: formatPath(issue.path) || '(document)', message: issue.message };
  });
  const known = new Set(problems.map((problem) => problem.path));
  return {
    kind: 'invalid',
    problems: [...problems, ...references.filter((problem) => !known.has(problem.path))],
  };
};

/** One line per problem: `categories.refund.threshold: must be between 0 and 1`. */
export const describePolicyProblems = (problems: readonly PolicyProblem[]): string =>
  problems.map((problem) => `${problem.path}: ${problem.message}`).join('\n');
