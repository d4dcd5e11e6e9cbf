import { describe, expect, it } from 'vitest';
import { detectSignals } from './detect-signals.ts';

describe('detectSignals', () => {
  it('reports every signal with its evidence for the latest customer message', () => {
    const report = detectSignals([
      { role: 'customer', text: 'I was charged $240 twice' },
      { role: 'ai', text: 'Duplicate charges are released within 5 days.' },
      { role: 'customer', text: 'This is urgent, get me a human, my lawyer will hear about this!!' },
    ]);
    expect(report.values).toMatchObject({
      human_requested: true,
      legal_threat: true,
      urgent: true,
      amount: { value: 240, currency: 'USD' },
      turns: 1,
    });
    expect(report.evidence.human_requested).toBe('get me a human');
    expect(report.evidence.amount).toBe('$240');
    expect(report.detail.sentimentPerMessage).toHaveLength(2);
  });

  it('reads the whole last burst of customer messages', () => {
    const report = detectSignals([
      { role: 'ai', text: 'How can I help?' },
      { role: 'customer', text: 'hello' },
      { role: 'customer', text: 'agent please' },
    ]);
    expect(report.values.human_requested).toBe(true);
  });

  it('lowers sentiment for shouting and "!!" that the word list cannot see', () => {
    const calm = detectSignals([{ role: 'customer', text: 'where is my parcel' }]).values.sentiment;
    const loud = detectSignals([{ role: 'customer', text: 'WHERE IS MY PARCEL!!' }]);
    expect(loud.values.sentiment).toBeLessThan(calm);
    expect(loud.detail.sentimentWords.map((word) => word.word)).toEqual(['shouting', '!!']);
  });

  it('is all quiet on a plain question', () => {
    const report = detectSignals([{ role: 'customer', text: 'How long does delivery to Spain take?' }]);
    expect(report.values).toEqual({
      human_requested: false,
      manager_requested: false,
      legal_threat: false,
      urgent: false,
      sentiment: 0,
      sentiment_trend: 0,
      frustration: false,
      distress: false,
      repeated_ask: 0,
      amount: null,
      turns: 0,
      prompt_injection: false,
    });
  });
  it('reads "still waiting" as frustration once support has replied, and as the question itself before', () => {
    const first = detectSignals([{ role: 'customer', text: "I still haven't got my parcel" }]);
    expect(first.values.frustration).toBe(false);
    expect(first.detail.frustrationScore).toBeGreaterThan(0);
    const afterAnswer = detectSignals([
      { role: 'customer', text: 'where is my parcel' },
      { role: 'ai', text: 'Parcels arrive within 3 working days of dispatch.' },
      { role: 'customer', text: "I still haven't got it" },
    ]);
    expect(afterAnswer.values.frustration).toBe(true);
    expect(afterAnswer.evidence.frustration).toBe("still haven't");
    // Two messages of one burst with nobody replying in between are still a first message.
    const burst = detectSignals([
      { role: 'customer', text: 'hello' },
      { role: 'customer', text: 'still waiting for my order' },
    ]);
    expect(burst.values.frustration).toBe(false);
    // With another cue it is frustration from the first message on.
    expect(
      detectSignals([{ role: 'customer', text: 'still waiting for my order!!' }]).values.frustration,
    ).toBe(true);
  });
});
