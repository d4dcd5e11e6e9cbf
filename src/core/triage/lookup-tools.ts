/**
 * Lookup results on their way to an answerer (SPEC §3, issue 11): the answerer's tool calls are
 * recorded like the category's own lookups, and a field whose value reads as instructions to the
 * AI is withheld, so neither a model nor the handoff message repeats it.
 */
import type { LookupOutcome } from '../handoff/index.ts';
import type { LookupTools } from '../ports/answerer.ts';
import { detectPromptInjection } from './signals/prompt-injection.ts';

export const withheldValue = '[withheld: it reads like instructions to the AI]';

/** The lookup with any field that carries instructions withheld; the names of such fields are returned too. */
export const withoutInstructions = (
  lookup: LookupOutcome,
): { lookup: LookupOutcome; withheld: readonly string[] } => {
  const withheld = lookup.fields
    .filter((field) => detectPromptInjection(field.value).fired)
    .map((field) => field.label);
  if (withheld.length === 0) return { lookup, withheld };
  return {
    lookup: {
      ...lookup,
      fields: lookup.fields.map((field) =>
        withheld.includes(field.label) ? { ...field, value: withheldValue } : field,
      ),
    },
    withheld: withheld.map((label) => `lookup ${lookup.name} (${label})`),
  };
};

/** Calls pass through to `tools`; `made()` lists every outcome, in call order, for events and the packet. */
export const recordingTools = (tools: LookupTools) => {
  const made: LookupOutcome[] = [];
  const withheld: string[] = [];
  const recording: LookupTools = {
    available: tools.available,
    async call(name, inputs) {
      const checked = withoutInstructions(await tools.call(name, inputs));
      made.push(checked.lookup);
      withheld.push(...checked.withheld);
      return checked.lookup;
    },
  };
  return {
    tools: recording,
    made: (): readonly LookupOutcome[] => [...made],
    withheld: (): readonly string[] => [...withheld],
  };
};
