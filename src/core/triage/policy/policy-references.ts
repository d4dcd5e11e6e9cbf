/** Cross-reference checks the schema cannot express: every team and category named must be defined. */
import type { PolicyProblem } from './validate-policy.ts';

const record = (value: unknown): Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value))
    : {};

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Problems with names that point nowhere, read from the raw document so they are reported with the rest. */
export const referenceProblems = (document: unknown): readonly PolicyProblem[] => {
  const root = record(document);
  const teams = new Set(Object.keys(record(root.teams)));
  const categories = new Set(Object.keys(record(root.categories)));
  const problems: PolicyProblem[] = [];
  const team = (name: string | undefined, path: string) => {
    if (name !== undefined && !teams.has(name))
      problems.push({ path, message: `team "${name}" is not defined under teams` });
  };
  const category = (name: string | undefined, path: string) => {
    if (name !== undefined && !categories.has(name)) {
      problems.push({ path, message: `category "${name}" is not defined under categories` });
    }
  };
  team(text(root.defaultTeam), 'defaultTeam');
  category(text(root.defaultCategory), 'defaultCategory');
  for (const [name, settings] of Object.entries(record(root.categories))) {
    team(text(record(settings).team), `categories.${name}.team`);
  }
  for (const [name, settings] of Object.entries(record(root.triggers))) {
    team(text(record(settings).team), `triggers.${name}.team`);
  }
  const rules = Array.isArray(root.rules) ? root.rules : [];
  rules.forEach((rule: unknown, index) => {
    team(text(record(rule).team), `rules[${index}].team`);
    const named = record(record(rule).when).categories;
    if (Array.isArray(named)) {
      for (const name of named) category(text(name), `rules[${index}].when.categories`);
    }
  });
  return problems;
};
