/** The answerer's lookup tools wrapped so every call is recorded like the category's own lookups (SPEC §3, issue 11). */
import type { LookupOutcome } from '../handoff/index.ts';
import type { LookupTools } from '../ports/answerer.ts';

/** Calls pass through to `tools`; `made()` lists every outcome, in call order, for events and the packet. */
export const recordingTools = (tools: LookupTools) => {
  const made: LookupOutcome[] = [];
  const recording: LookupTools = {
    available: tools.available,
    async call(name, inputs) {
      const outcome = await tools.call(name, inputs);
      made.push(outcome);
      return outcome;
    },
  };
  return { tools: recording, made: (): readonly LookupOutcome[] => [...made] };
};
