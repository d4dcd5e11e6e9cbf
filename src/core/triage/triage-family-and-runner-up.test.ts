import { describe, expect, it } from 'vitest';
import type { CategoryModel } from './category/index.ts';
import { defaultPolicy } from './policy/index.ts';
import { triageConversation } from './triage-conversation.ts';
import { answeringWith, fixedCategoryModel } from './triage-fakes.ts';

const now = new Date('2026-11-24T11:00:00Z'); // a Tuesday, every default team open

const triage = (text: string, model: CategoryModel) =>
  triageConversation({
    policy: defaultPolicy(),
    categoryModel: model,
    answerer: answeringWith(0.95),
    messages: [{ role: 'customer', text }],
    customer: null,
    queue: { waiting: 3, agentsAvailable: 2, avgHandleMinutes: 6 },
    now,
  });

describe('low category confidence is judged on the top category’s team', () => {
  it('answers a question the model splits between two of the billing team’s categories', async () => {
    // billing 0.12 alone is under the 0.15 floor; with refund and payment disputes it is 0.3.
    const model = fixedCategoryModel('billing', 0.12, [
      { category: 'refund', score: 0.11 },
      { category: 'payment_dispute', score: 0.07 },
      { category: 'shipping', score: 0.06 },
    ]);
    const result = await triage('which ways can I pay the invoice for my subscription', model);
    expect(result.action).toBe('answer');
    expect(result.reasons).toEqual([]);
  });

  it('still escalates when the rest of the scores belong to other teams', async () => {
    const model = fixedCategoryModel('billing', 0.12, [
      { category: 'shipping', score: 0.11 },
      { category: 'account_access', score: 0.1 },
    ]);
    const result = await triage('which ways can I pay the invoice for my subscription', model);
    expect(result.reasons).toEqual([
      { code: 'low_confidence', evidence: expect.stringMatching(/^category confidence 0.12 below 0.15/) },
    ]);
  });

  it('gives the catch-all category no family', async () => {
    const model = fixedCategoryModel('other', 0.1, [{ category: 'complaint', score: 0.09 }]);
    const result = await triage('tell me about the moon landing and your products', model);
    expect(result.reasons.map((reason) => reason.code)).toEqual(['low_confidence']);
  });
});

describe('a high-risk runner-up', () => {
  it('escalates as fraud beside another category', async () => {
    const model = fixedCategoryModel('billing', 0.6, [{ category: 'fraud', score: 0.2 }]);
    const result = await triage('why is there a second payment on my card this month', model);
    expect(result.reasons).toEqual([{ code: 'high_risk_category', evidence: 'fraud 0.2' }]);
    expect(result.team).toBe('trust_safety');
  });

  it('does not escalate as legal (runnerUp: false): a legal threat speaks through its own trigger', async () => {
    const quiet = fixedCategoryModel('refund', 0.6, [{ category: 'legal', score: 0.2 }]);
    const claim = await triage('I would like to claim compensation for the late parcel', quiet);
    expect(claim.reasons).toEqual([]);
    const threat = await triage('my solicitor will claim compensation for the late parcel', quiet);
    expect(threat.reasons.map((reason) => reason.code)).toEqual(['legal_threat']);
  });

  it('does not escalate as privacy beside another category unless the message asks about personal data', async () => {
    const model = fixedCategoryModel('account_access', 0.6, [
      { category: 'compliance_privacy', score: 0.25 },
    ]);
    const edit = await triage('how do I change the name on my account', model);
    expect(edit.reasons).toEqual([]);
    const request = await triage('please erase my personal data from my account', model);
    expect(request.reasons).toEqual([
      { code: 'high_risk_category', evidence: expect.stringMatching(/^compliance_privacy cue/) },
    ]);
  });

  it('still escalates legal on top, whatever the confidence above the floor', async () => {
    const model = fixedCategoryModel('legal', 0.4, [{ category: 'refund', score: 0.3 }]);
    const result = await triage('what are the terms of sale for a claim under the warranty', model);
    expect(result.reasons.map((reason) => reason.code)).toContain('high_risk_category');
  });
});
