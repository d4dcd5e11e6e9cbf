/**
 * The policy as ops edit it: YAML without the default taxonomy's descriptions and example phrasings
 * (hundreds of lines nobody edits by hand). Saving fills them back in (`checkPolicyText`), so the
 * text round-trips to the same document.
 */
import { stringify } from 'yaml';
import { type CategoryDefinition, defaultCategoryDefinitions } from '../../core/triage/category/index.ts';

const sameList = (a: unknown, b: readonly string[]): boolean =>
  Array.isArray(a) && a.length === b.length && a.every((item, i) => item === b[i]);

const withoutDefaultPhrasings = (settings: unknown, definition: CategoryDefinition | undefined): unknown => {
  if (definition === undefined || typeof settings !== 'object' || settings === null) return settings;
  const kept: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(settings)) {
    if (field === 'description' && value === definition.description) continue;
    if (field === 'examples' && sameList(value, definition.examples)) continue;
    kept[field] = value;
  }
  return kept;
};

/** The editable YAML of a published policy document. */
export const policyYaml = (
  document: unknown,
  definitions: readonly CategoryDefinition[] = defaultCategoryDefinitions(),
): string => {
  if (typeof document !== 'object' || document === null) return stringify(document);
  const categories = Reflect.get(document, 'categories');
  if (typeof categories !== 'object' || categories === null) return stringify(document, { lineWidth: 0 });
  const compact: Record<string, unknown> = {};
  for (const [name, settings] of Object.entries(categories)) {
    compact[name] = withoutDefaultPhrasings(
      settings,
      definitions.find((definition) => definition.name === name),
    );
  }
  return stringify({ ...document, categories: compact }, { lineWidth: 0 });
};
