import { describe, expect, it } from 'vitest';
import { mayConfirmAnswer, offersAnswerCheck } from './answer-confirmation.ts';

const aiAnswer = { author: 'ai', kind: 'message', citations: [{ slug: 'delivery-times' }] };

describe('confirming the AI’s answer', () => {
  it('is possible while the AI holds the conversation and its answer is the latest word', () => {
    expect(mayConfirmAnswer('ai', aiAnswer)).toBe(true);
    expect(mayConfirmAnswer('ai', { author: 'customer', kind: 'message' })).toBe(false);
    expect(mayConfirmAnswer('ai', null)).toBe(false);
    expect(mayConfirmAnswer('queued', { author: 'ai', kind: 'handoff' })).toBe(false);
    expect(mayConfirmAnswer('assigned', { author: 'agent', kind: 'message' })).toBe(false);
    expect(mayConfirmAnswer('resolved', aiAnswer)).toBe(false);
  });

  it('is asked about only under an answer that quotes the help centre', () => {
    expect(offersAnswerCheck('ai', aiAnswer)).toBe(true);
    // A clarifying question, or the reply to a thanks: nothing quoted, nothing to ask about.
    expect(offersAnswerCheck('ai', { ...aiAnswer, citations: [] })).toBe(false);
    expect(offersAnswerCheck('queued', aiAnswer)).toBe(false);
  });
});
