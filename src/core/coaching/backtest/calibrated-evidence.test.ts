import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../triage/index.ts';
import { answeringWith, fixedCategoryModel } from '../../triage/triage-fakes.ts';
import {
  decideUnder,
  gatherTriageEvidence,
  withCalibratedConfidence,
  withCategoryThreshold,
} from './index.ts';

describe('calibrated evidence', () => {
  it('compares the threshold with the calibrated confidence of calibrated categories only', async () => {
    const evidence = await gatherTriageEvidence({
      categoryModel: fixedCategoryModel('refund', 0.9),
      answerer: answeringWith(0.8, 'You can return items within 30 days of delivery.'),
      messages: [{ role: 'customer', text: 'Can I send back the shoes I bought last week?' }],
    });
    const policy = withCategoryThreshold(defaultPolicy(), 'refund', 0.6);
    expect(decideUnder(policy, evidence).action).toBe('answer');
    // Refund answers at a raw 0.8 turn out right half the time.
    const overconfident = { refund: { kind: 'platt' as const, curve: { a: 10, b: -8 } } };
    const calibrated = withCalibratedConfidence(evidence, overconfident);
    expect(calibrated.attempt.kind === 'answer' ? calibrated.attempt.confidence : null).toBeCloseTo(0.5, 10);
    expect(decideUnder(policy, calibrated)).toMatchObject({
      action: 'escalate',
      reasons: ['low_confidence'],
    });
    expect(withCalibratedConfidence(evidence, { shipping: overconfident.refund })).toBe(evidence);
  });
});
