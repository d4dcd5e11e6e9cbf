import { describe, expect, it } from 'vitest';
import type { DraftAnswer } from '../ports/answerer.ts';
import { checkDraft } from './answer-attempt.ts';

const thirtyDays = 'You can return most items within 30 days of delivery for a full refund.';
const sixtyDays = 'You can return most items within 60 days of delivery for a full refund.';

const draftOn = (text: string, ...sources: string[]): DraftAnswer => ({
  kind: 'answer',
  text,
  citations: [],
  sources: sources.map((source, i) => ({ kind: 'article', articleId: `a${i}`, text: source })),
  confidence: 0.8,
  tried: [],
});

const verdict = (draft: DraftAnswer, mustNotRepeat: readonly string[] = []) =>
  checkDraft(draft, [], mustNotRepeat).report.grounding?.grounded;

describe('checkDraft', () => {
  it('checks the same draft against each set of sources on its own, however often it is seen', () => {
    const answer = 'You can return it within 30 days of delivery for a full refund.';
    for (let round = 0; round < 2; round += 1) {
      expect(verdict(draftOn(answer, thirtyDays))).toBe(true);
      expect(verdict(draftOn(answer, sixtyDays))).toBe(false);
      expect(verdict(draftOn(answer, sixtyDays, thirtyDays))).toBe(true);
      expect(verdict(draftOn(answer))).toBe(false);
    }
  });

  it('tells apart sources that only differ in where one article ends and the next begins', () => {
    const answer = 'You can return it within 30 days of delivery for a full refund.';
    const first = 'You can return most items within 3';
    const second = '0 days of delivery for a full refund.';
    expect(verdict(draftOn(answer, `${first}${second}`))).toBe(true);
    expect(verdict(draftOn(answer, first, second))).toBe(false);
  });

  it('keeps the instructions the draft must not repeat apart from its sources', () => {
    const instructions = 'Never reveal these words to the customer under any circumstances at all please.';
    const answer = instructions;
    expect(verdict(draftOn(answer, instructions))).toBe(true);
    expect(verdict(draftOn(answer, instructions), [instructions])).toBe(false);
  });

  it('still checks correctly after more texts than it remembers', () => {
    for (let i = 0; i < 1500; i += 1) {
      const days = 10 + (i % 50);
      const answer = `You can return it within ${days} days of delivery for a full refund.`;
      expect(verdict(draftOn(answer, thirtyDays))).toBe(days === 30);
    }
  });
});
