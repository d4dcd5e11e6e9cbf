import { describe, expect, it } from 'vitest';
import { withCategoryThreshold } from '../coaching/backtest/index.ts';
import { defaultPolicy } from './index.ts';
import { triageConversation } from './triage-conversation.ts';
import { answeringWith, fixedCategoryModel } from './triage-fakes.ts';

const now = new Date('2026-12-01T10:00:00Z');
const policy = withCategoryThreshold(defaultPolicy(), 'refund', 0.6);
const turn = {
  policy,
  categoryModel: fixedCategoryModel('refund', 0.9),
  answerer: answeringWith(0.8, 'You can return items within 30 days of delivery.'),
  messages: [{ role: 'customer' as const, text: 'Can I send back the shoes I bought last week?' }],
  now,
};
// Refund answers at a raw 0.8 turned out right half the time (a Platt curve through 0.5 at 0.8).
const overconfident = { kind: 'platt' as const, curve: { a: 10, b: -8 } };

describe('the live turn on a calibrated category', () => {
  it('compares the threshold with the calibrated confidence: an answer becomes a handoff', async () => {
    const raw = await triageConversation(turn);
    expect(raw.action).toBe('answer');
    expect(raw.trace.calibration).toBeUndefined();

    const calibrated = await triageConversation({ ...turn, calibration: { refund: overconfident } });
    expect(calibrated.action).toBe('escalate');
    expect(calibrated.reasons.map((reason) => reason.code)).toEqual(['low_confidence']);
    // The trace shows both numbers; the raw one stays where calibration is fitted from.
    expect(calibrated.trace.calibration).toEqual({ rawConfidence: 0.8, calibratedConfidence: 0.5 });
    expect(calibrated.trace.retrieval).toMatchObject({ kind: 'answer', confidence: 0.8 });
    expect(calibrated.trace.why[0]).toBe(
      'refund is calibrated: answer confidence 0.8 reads as 0.5, which the threshold is compared with',
    );
  });

  it('leaves categories without a model on the raw confidence', async () => {
    const other = await triageConversation({ ...turn, calibration: { shipping: overconfident } });
    expect(other.action).toBe('answer');
    expect(other.trace.calibration).toBeUndefined();
  });
});
