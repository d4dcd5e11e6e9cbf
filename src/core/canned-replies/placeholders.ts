/**
 * Placeholders in canned replies: `{{customer.name}}`, `{{agent.first_name}}` and the facts an
 * account lookup found, `{{<lookup>.<field>}}` (the lookup's name and its field's label in
 * snake_case, e.g. `{{order.status}}` for the field "Order status" of the lookup `order`). A reply
 * may use only placeholders that can be filled, so a typo is refused when it is saved rather than
 * sent to a customer.
 */
import type { LookupOutcome } from '../handoff/lookup-outcome.ts';

const placeholderPattern = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The people placeholders every reply may use. */
export const personPlaceholders: readonly string[] = [
  'customer.name',
  'customer.first_name',
  'customer.email',
  'agent.name',
  'agent.first_name',
];

/** A lookup as configured: its name and the labels of the fields it returns. */
export interface LookupShape {
  readonly name: string;
  readonly fieldLabels: readonly string[];
}

const snake = (text: string): string =>
  text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

/** A field's key within its lookup: its label in snake_case, without the lookup's own name in front. */
export const fieldKey = (lookupName: string, label: string): string => {
  const key = snake(label);
  const prefix = `${snake(lookupName)}_`;
  return key.startsWith(prefix) && key.length > prefix.length ? key.slice(prefix.length) : key;
};

/** Every placeholder a reply may use, given the workspace's lookups. */
export const knownPlaceholders = (lookups: readonly LookupShape[]): ReadonlySet<string> =>
  new Set([
    ...personPlaceholders,
    ...lookups.flatMap((lookup) =>
      lookup.fieldLabels.map((label) => `${snake(lookup.name)}.${fieldKey(lookup.name, label)}`),
    ),
  ]);

/** The placeholder names a text uses, in order of first use. */
export const placeholdersIn = (text: string): readonly string[] => [
  ...new Set([...text.matchAll(placeholderPattern)].map((match) => match[1] ?? '')),
];

/** The placeholders of `text` that are not in `known` (empty when the text may be saved). */
export const unknownPlaceholders = (text: string, known: ReadonlySet<string>): readonly string[] =>
  placeholdersIn(text).filter((name) => !known.has(name));

/** What the placeholders stand for in one conversation. */
export const placeholderValues = (input: {
  readonly customer: { readonly name: string | null; readonly email: string | null };
  readonly agent: { readonly name: string };
  readonly lookups: readonly LookupOutcome[];
}): Readonly<Record<string, string>> => {
  const values: Record<string, string> = { 'agent.name': input.agent.name };
  values['agent.first_name'] = input.agent.name.split(/\s+/)[0] ?? input.agent.name;
  if (input.customer.name) {
    values['customer.name'] = input.customer.name;
    values['customer.first_name'] = input.customer.name.split(/\s+/)[0] ?? input.customer.name;
  }
  if (input.customer.email) values['customer.email'] = input.customer.email;
  // The latest successful lookup of each name wins.
  for (const lookup of input.lookups) {
    if (lookup.status !== 'ok') continue;
    for (const field of lookup.fields) {
      values[`${snake(lookup.name)}.${fieldKey(lookup.name, field.label)}`] = field.value;
    }
  }
  return values;
};

/** The reply with what is known filled in; the rest stay as written and are listed for the agent to fill. */
export const fillReply = (
  text: string,
  values: Readonly<Record<string, string>>,
): { readonly text: string; readonly unfilled: readonly string[] } => {
  const unfilled = new Set<string>();
  const filled = text.replace(placeholderPattern, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) {
      unfilled.add(name);
      return whole;
    }
    return value;
  });
  return { text: filled, unfilled: [...unfilled] };
};
