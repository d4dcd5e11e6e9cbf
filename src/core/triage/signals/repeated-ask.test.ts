import { describe, expect, it } from 'vitest';
import { askSlots, slotAgreement } from './ask-slots.ts';
import { askContent, askSimilarity, detectRepeatedAsk, type TurnLine } from './repeated-ask.ts';

const customer = (text: string): TurnLine => ({ role: 'customer', text });
const ai = (text: string): TurnLine => ({ role: 'ai', text });

describe('repeated_ask', () => {
  it('counts each earlier answered ask the latest message repeats', () => {
    const lines = [
      customer('when will my refund arrive?'),
      ai('Refunds take 5 to 10 working days.'),
      customer('but when exactly will the refund arrive'),
      ai('Usually within 10 working days.'),
      customer('WHEN will my refund arrive'),
    ];
    expect(detectRepeatedAsk(lines).count).toBe(2);
  });

  it('recognises a re-typed, misspelt ask', () => {
    expect(askSimilarity('refund status please', 'refnd statuss??')).toBeGreaterThanOrEqual(0.6);
  });

  it('reads everyday phrasings of one thing as the same content', () => {
    // "sign up" is registering, "send it back" is a return, "two times" is twice.
    expect(askSimilarity('the sign up form will not let me in', 'registration form problem')).toBeGreaterThan(
      askSimilarity('the sign up form will not let me in', 'newsletter form problem'),
    );
    expect(askSimilarity('can I send the lamp back', 'how do I return the lamp')).toBe(1);
    expect(askSimilarity('you billed me two times', 'I was billed twice')).toBe(1);
    expect(askSimilarity('is 2fa available', 'can I turn on two-factor')).toBeGreaterThanOrEqual(0.5);
  });

  it('does not read a one-word ask inside a longer one as the same content', () => {
    expect(askSimilarity('which plan?', 'do members of the plan get free returns on sofas')).toBeLessThan(
      0.75,
    );
  });

  it('does not count two questions on one topic that the model reads as two fine intents', () => {
    // A stand-in model sure of two different delivery questions; the words share "delivery".
    const intentOf = (text: string) => ({
      categories: [{ category: 'shipping', score: 0.9 }],
      intents: [{ intent: /cost|much/.test(text) ? 'shipping.cost' : 'shipping.times', score: 0.8 }],
    });
    const lines = [
      customer('how much does delivery cost'),
      ai('Standard delivery is free over 40 pounds.'),
      customer('which days is delivery'),
    ];
    expect(detectRepeatedAsk(lines, intentOf).count).toBe(0);
    // Words that want nothing different, read as one fine intent, are one question asked again.
    const oneIntent = (text: string) => ({
      ...intentOf(text),
      intents: [{ intent: 'shipping.cost', score: 0.8 }],
    });
    const again = [
      customer('how much does delivery cost'),
      ai('Standard delivery is free over 40 pounds.'),
      customer('and for delivery, what will that set me back'),
    ];
    expect(detectRepeatedAsk(again, oneIntent).count).toBe(1);
  });

  it('does not count two asks that want different things of one object, whatever the model reads', () => {
    const oneIntent = () => ({
      categories: [{ category: 'refund', score: 0.9 }],
      intents: [{ intent: 'refund.exchange', score: 0.8 }],
    });
    const lines = [
      customer('can i change the kettle for another colour'),
      ai('Yes, exchanges are free within 30 days.'),
      customer('how long does a swap take'),
    ];
    expect(detectRepeatedAsk(lines, oneIntent).count).toBe(0);
  });

  it('reads the action and the object an ask wants, in any wording', () => {
    expect(askSlots(['where', 'is', 'my', 'parcel'])).toEqual({
      actions: new Set(['status']),
      objects: new Set(['order']),
    });
    const first = askContent('when will my order turn up').slots;
    const second = askContent('has the parcel been dispatched yet').slots;
    expect(slotAgreement(first.actions, second.actions)).toBe(1);
    expect(slotAgreement(first.objects, second.objects)).toBe(1);
    const other = askContent('can i change the delivery address').slots;
    expect(slotAgreement(first.actions, other.actions)).toBe(-1);
  });

  it('counts the middle rewording once the latest ask repeats the first', () => {
    // Stand-in model: every ask reads as one fine intent, weakly for the middle one.
    const intentOf = (text: string) => ({
      categories: [{ category: 'shipping', score: 0.9 }],
      intents: [{ intent: 'shipping.collection', score: text.includes('locker') ? 0.8 : 0.3 }],
    });
    const lines = [
      customer('can I collect my order from a locker'),
      ai('Yes, choose a locker at checkout.'),
      customer('is there somewhere near me to pick parcels up'),
      ai('Pick-up points are listed at checkout.'),
      customer('locker collection, is that possible for my order'),
    ];
    const finding = detectRepeatedAsk(lines, intentOf);
    expect(finding.count).toBe(2);
    // Without the first, the middle ask alone is not repeated.
    expect(detectRepeatedAsk(lines.slice(2), intentOf).count).toBe(0);
  });

  it('does not count an ask the AI never answered', () => {
    expect(detectRepeatedAsk([customer('where is my order'), customer('where is my order??')]).count).toBe(0);
  });

  it('does not count a new question as a repeat', () => {
    const lines = [
      customer('where is my order 1042'),
      ai('It ships tomorrow.'),
      customer('can I change my password'),
    ];
    expect(detectRepeatedAsk(lines).count).toBe(0);
  });

  it('counts a third ask in different words as two repeats when the model reads one intent', () => {
    // A stand-in category model: anything about money coming back reads as `refund`.
    const intentOf = (text: string) =>
      /refund|reimburs|money|back/.test(text)
        ? [{ category: 'refund', score: 0.9 }]
        : [{ category: 'other', score: 0.9 }];
    const lines = [
      customer('when will i get my refund'),
      ai('Refunds reach your card within 5 working days.'),
      customer('how long until the reimbursement reaches my card'),
      ai('Usually 3 to 5 working days after we approve it.'),
      customer('still no refund on my card, is it coming or not'),
    ];
    const finding = detectRepeatedAsk(lines, intentOf);
    expect(finding.count).toBe(2);
    expect(finding.evidence.map((item) => item.earlier)).toEqual([
      'when will i get my refund',
      'how long until the reimbursement reaches my card',
    ]);
  });

  it('does not count a different question about the same order as a repeat', () => {
    const intentOf = () => [{ category: 'order_status', score: 0.9 }];
    const lines = [
      customer('where is my order'),
      ai('It left our warehouse yesterday.'),
      customer('can i add a gift message to it'),
    ];
    expect(detectRepeatedAsk(lines, intentOf).count).toBe(0);
  });

  it('does not count the same question about two different orders as a repeat', () => {
    const intentOf = () => [{ category: 'order_status', score: 0.9 }];
    const lines = [
      customer('where is order 1042'),
      ai('It left our warehouse yesterday.'),
      customer('where is order 2210'),
    ];
    expect(detectRepeatedAsk(lines, intentOf).count).toBe(0);
    const same = [
      customer('where is order 1042'),
      ai('It left yesterday.'),
      customer('where is order #1042 now'),
    ];
    expect(detectRepeatedAsk(same, intentOf).count).toBe(1);
  });

  it('reads a fine intent beside the category: two questions of one category are not one ask', () => {
    const intentOf = (text: string) => ({
      categories: [{ category: 'refund', score: 0.9 }],
      intents: /label/.test(text)
        ? [{ intent: 'refund.return', score: 0.9 }]
        : [{ intent: 'refund.timing', score: 0.9 }],
    });
    const lines = [
      customer('how long do refunds take'),
      ai('Five working days.'),
      customer('do i need a refund label to send it'),
    ];
    expect(detectRepeatedAsk(lines, intentOf).count).toBe(0);
    const again = [
      customer('how long do refunds take'),
      ai('Five working days.'),
      customer('when does the refund reach me'),
    ];
    expect(detectRepeatedAsk(again, intentOf).count).toBe(1);
  });

  it('counts "you didn’t answer my question" after an answer', () => {
    const lines = [
      customer('why was I charged twice'),
      ai('Here is how billing works.'),
      customer("you didn't answer my question"),
    ];
    expect(detectRepeatedAsk(lines).count).toBe(1);
  });
});
