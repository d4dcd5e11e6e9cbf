/**
 * Streaming without sending what would not be sent (issue 11): the model's text is passed on one
 * whole sentence at a time, each checked against every source offered before it is shown. The
 * first sentence that fails stops the stream; the final grounding check still decides the answer.
 */
import { type GroundingIndex, unsupportedClaims } from '../../../core/grounding/index.ts';
import { readCitations } from './llm-citations.ts';

/** The end of a sentence, with any citation markers after it, and the space that follows. */
const sentenceEnd = /[.!?](?:\s*\[\d{1,3}(?:\s*,\s*\d{1,3})*\])*\s+/g;

export const createDeltaGate = (
  onDelta: ((delta: string) => void) | undefined,
  index: () => GroundingIndex,
) => {
  let buffer = '';
  let released = 0;
  let stopped = onDelta === undefined;
  let shown = '';
  const release = (end: number) => {
    const segment = readCitations(buffer.slice(released, end)).text;
    released = end;
    if (segment === '') return;
    if (unsupportedClaims(segment, index()).length > 0) {
      stopped = true;
      return;
    }
    const delta = shown === '' ? segment : ` ${segment}`;
    shown += delta;
    onDelta?.(delta);
  };
  return {
    /** The reply is complete: its last sentence needs no following space to be passed on. */
    end(): void {
      if (!stopped && !/^\s*NO_ANSWER/i.test(buffer)) release(buffer.length);
      stopped = true;
    },
    push(piece: string): void {
      if (stopped) return;
      buffer += piece;
      // A model declining (rule 3) never streams.
      if (
        /^\s*N(?:O(?:_(?:A(?:N(?:S(?:W(?:E(?:R)?)?)?)?)?)?)?)?$/i.test(buffer) ||
        /^\s*NO_ANSWER/i.test(buffer)
      ) {
        if (/^\s*NO_ANSWER/i.test(buffer)) stopped = true;
        return;
      }
      let end = released;
      for (const match of buffer.slice(released).matchAll(sentenceEnd))
        end = released + (match.index ?? 0) + match[0].length;
      if (end > released) release(end);
    },
  };
};
