/** Account facts from lookups, said plainly after an answer (SPEC §3: answers grounded in lookups too). */
import type { LookupOutcome } from '../handoff/index.ts';

/** "Order status: shipped · Carrier: Royal Mail" for each lookup that answered; empty when none did. */
export const describeLookupFacts = (lookups: readonly LookupOutcome[]): string =>
  lookups
    .filter((lookup) => lookup.status === 'ok' && lookup.fields.length > 0)
    .map((lookup) => lookup.fields.map((field) => `${field.label}: ${field.value}`).join(' · '))
    .join('\n');

/** The answer with what was found on the customer's account appended, when anything was. */
export const answerWithLookupFacts = (answer: string, lookups: readonly LookupOutcome[]): string => {
  const facts = describeLookupFacts(lookups);
  return facts ? `${answer}\n\nWhat I found on your account:\n${facts}` : answer;
};
