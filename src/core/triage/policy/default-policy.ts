/** The default escalation policy shipped with Baton, and the taxonomy it hands to the category model. */
import { DomainError } from '../../errors.ts';
import { readShippedYaml } from '../../yaml/shipped-yaml.ts';
import { type CategoryDefinition, defaultCategoryDefinitions } from '../category/index.ts';
import type { EscalationPolicy } from './policy-schema.ts';
import { describePolicyProblems, validatePolicy } from './validate-policy.ts';

let cached: EscalationPolicy | undefined;

/** Adds descriptions and examples to categories of a raw policy document that have none. */
export const mergeCategoryDefinitions = (
  document: unknown,
  definitions: readonly CategoryDefinition[],
): unknown => {
  if (typeof document !== 'object' || document === null || !('categories' in document)) return document;
  const categories = document.categories;
  if (typeof categories !== 'object' || categories === null) return document;
  const merged: Record<string, unknown> = {};
  for (const [name, settings] of Object.entries(categories)) {
    const definition = definitions.find((candidate) => candidate.name === name);
    if (!definition || typeof settings !== 'object' || settings === null) {
      merged[name] = settings;
      continue;
    }
    merged[name] = {
      description: definition.description,
      examples: [...definition.examples],
      ...settings,
    };
  }
  return { ...document, categories: merged };
};

/** The built-in default policy (SPEC §5), with the default taxonomy's descriptions and examples. */
export const defaultPolicy = (): EscalationPolicy => {
  if (cached) return cached;
  // A file shipped beside the code and read once: a constant of the product, not configuration.
  const shipped = readShippedYaml(new URL('./default-policy.yaml', import.meta.url));
  const document = mergeCategoryDefinitions(shipped, defaultCategoryDefinitions());
  const result = validatePolicy(document);
  if (result.kind === 'invalid') {
    throw new DomainError(
      'internal',
      `default-policy.yaml is invalid:\n${describePolicyProblems(result.problems)}`,
      result.problems,
      true,
    );
  }
  cached = result.policy;
  return cached;
};

/** The policy's taxonomy in the shape the category model trains on. */
export const policyCategoryDefinitions = (policy: EscalationPolicy): readonly CategoryDefinition[] =>
  Object.entries(policy.categories).map(([name, category]) => ({
    name,
    description: category.description,
    examples: category.examples,
  }));
