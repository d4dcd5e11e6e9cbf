import { beforeAll, describe, expect, it } from 'vitest';
import { buildTriageEngine, type TriageEngine } from '../../adapters/triage/run-triage-file.ts';
import type { TranscriptLine } from '../ports/answerer.ts';
import type { CategoryModel } from './category/index.ts';
import { createLineMemo, type LineMemo } from './signals/index.ts';
import { triageConversation } from './triage-conversation.ts';
import { answeringWith } from './triage-fakes.ts';

// The shipped policy and category model (with fine intents); a fixed answerer, so that no measured
// latency differs between two runs of one turn.
let engine: TriageEngine;
beforeAll(async () => {
  engine = await buildTriageEngine({});
});

const now = new Date('2026-11-24T11:00:00Z');
const customer = (text: string): TranscriptLine => ({ role: 'customer', text });
const ai = (text: string): TranscriptLine => ({ role: 'ai', text });

/** Seven customer messages, mostly answered in between: a burst of two, and one said word for word again. */
const conversation: readonly TranscriptLine[] = [
  customer('Hi, where is my order 10423? It was meant to arrive on Monday.'),
  ai('Your order left our warehouse yesterday and should arrive within 2 working days.'),
  customer('When will my parcel actually get here?'),
  ai('Standard delivery takes 3 to 5 working days.'),
  customer('This is ridiculous!!'),
  customer('I paid £49.99 for express delivery and still nothing.'),
  ai('I am sorry about the wait. Express orders ship the next working day.'),
  customer('I already asked twice: where is order 10423?'),
  ai('Order 10423 is with the courier and arrives tomorrow.'),
  customer('If it is not here by Friday I will contact my lawyer.'),
  ai('I understand. I have asked the courier to deliver it tomorrow.'),
  customer('When will my parcel actually get here?'),
];

/** Each turn's transcript: the conversation up to and including each customer message. */
const turns = conversation.flatMap((line, index) =>
  line.role === 'customer' ? [conversation.slice(0, index + 1)] : [],
);

/** Wraps a model and records each `classify` call: the text, and whether it came with earlier turns. */
const countingModel = (model: CategoryModel) => {
  const calls: { text: string; withContext: boolean }[] = [];
  const counting: CategoryModel = {
    classify: (text, earlierCustomerTurns) => {
      calls.push({ text, withContext: earlierCustomerTurns !== undefined });
      return model.classify(text, earlierCustomerTurns);
    },
  };
  return { model: counting, calls };
};

const triage = (messages: readonly TranscriptLine[], categoryModel: CategoryModel, lineMemo?: LineMemo) =>
  triageConversation({
    policy: engine.policy,
    categoryModel,
    answerer: answeringWith(0.9),
    messages,
    now,
    ...(lineMemo ? { lineMemo } : {}),
  });

describe('triageConversation with a line memo', () => {
  it('decides every turn of a conversation exactly as without the memo', async () => {
    const memo = createLineMemo();
    const results = [];
    for (const messages of turns) {
      const plain = await triage(messages, engine.categoryModel);
      const memoised = await triage(messages, engine.categoryModel, memo);
      expect(memoised).toStrictEqual(plain);
      results.push(memoised);
    }
    // The turns exercise what the memo holds: a reworded repeat, a repeat naming the order again,
    // a burst of two, an amount said turns before, sentiment over every message, a threat.
    expect(results[1]?.signals.repeated_ask).toBeGreaterThan(0);
    expect(results[3]?.signals.frustration).toBe(true);
    expect(results[4]?.signals.repeated_ask).toBeGreaterThan(0);
    expect(results[5]?.signals.amount).toEqual({ value: 49.99, currency: 'GBP' });
    expect(results[5]?.signals.legal_threat).toBe(true);
    expect(results[5]?.trace.signals.detail.sentimentPerMessage).toHaveLength(6);
    expect(results[6]?.signals.repeated_ask).toBeGreaterThan(0);
    // A turn run again (a retry) reads everything from the memo, and still decides the same.
    expect(await triage(conversation, engine.categoryModel, memo)).toStrictEqual(results[6]);
  });

  it('classifies only the new messages of a turn and the prediction in context', async () => {
    const { model, calls } = countingModel(engine.categoryModel);
    const memo = createLineMemo();
    for (const messages of turns.slice(0, 4)) await triage(messages, model, memo);
    // The fifth turn adds one message: its reading as an ask, and the prediction with context.
    calls.length = 0;
    await triage(turns[4] ?? [], model, memo);
    expect(calls).toEqual([
      { text: 'I already asked twice: where is order 10423?', withContext: false },
      { text: 'I already asked twice: where is order 10423?', withContext: true },
    ]);
    // Without the memo, every ask of the conversation is read again.
    calls.length = 0;
    await triage(turns[4] ?? [], model);
    expect(calls.filter((call) => !call.withContext)).toHaveLength(5);
  });
});
