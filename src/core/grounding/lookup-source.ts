/** An account lookup's result as source text the grounding check can read ("Order status: shipped."). */
import type { LookupOutcome } from '../handoff/lookup-outcome.ts';

/** One sentence per field of a lookup that answered; empty for a failed one (it backs nothing). */
export const lookupSourceText = (lookup: LookupOutcome): string =>
  lookup.status === 'ok' ? lookup.fields.map((field) => `${field.label}: ${field.value}.`).join('\n') : '';
