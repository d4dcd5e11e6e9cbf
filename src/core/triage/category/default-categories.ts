/**
 * The shipped default taxonomy (SPEC §5): names, descriptions and example phrasings written for
 * Baton, kept as YAML beside this file so that a policy author can read and copy them.
 */
import { readShippedYaml } from '../../yaml/shipped-yaml.ts';
import type { CategoryDefinition } from './index.ts';

let cached: readonly CategoryDefinition[] | undefined;

function isStringArray(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function toDefinition(value: unknown): CategoryDefinition {
  if (typeof value !== 'object' || value === null)
    throw new Error('default-examples.yaml: a category is not a map');
  const name: unknown = Reflect.get(value, 'name');
  const description: unknown = Reflect.get(value, 'description');
  const examples: unknown = Reflect.get(value, 'examples');
  if (typeof name !== 'string' || typeof description !== 'string' || !isStringArray(examples)) {
    throw new Error('default-examples.yaml: every category needs a name, a description and examples');
  }
  return Object.freeze({ name, description: description.trim(), examples: Object.freeze([...examples]) });
}

/** The default taxonomy's categories with their descriptions and example phrasings. */
export function defaultCategoryDefinitions(): readonly CategoryDefinition[] {
  // A file shipped with the code, read once: a constant, not configuration or environment.
  if (cached === undefined) {
    const document = readShippedYaml(new URL('./default-examples.yaml', import.meta.url));
    const categories =
      typeof document === 'object' && document !== null ? Reflect.get(document, 'categories') : [];
    if (!Array.isArray(categories)) throw new Error('default-examples.yaml: `categories` must be a list');
    cached = Object.freeze(categories.map(toDefinition));
  }
  return cached;
}
