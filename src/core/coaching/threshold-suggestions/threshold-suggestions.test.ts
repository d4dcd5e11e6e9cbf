import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../triage/index.ts';
import { answeringWith, fixedCategoryModel } from '../../triage/triage-fakes.ts';
import { type BacktestCase, gatherTriageEvidence, withCategoryThreshold } from '../backtest/index.ts';
import {
  type AnswerOutcome,
  answerOutcomeOf,
  backtestSuggestion,
  suggestThreshold,
  suggestThresholds,
} from './index.ts';

/** Ten judged answers at each score: 10, 9, 7, 5 and 2 of them right, from 0.9 down to 0.5. */
const outcomes: AnswerOutcome[] = [
  [0.9, 10],
  [0.8, 9],
  [0.7, 7],
  [0.6, 5],
  [0.5, 2],
].flatMap(([score = 0, right = 0]) =>
  Array.from({ length: 10 }, (_, i) => ({ category: 'refund', score, correct: i < right })),
);

describe('threshold suggestion', () => {
  it('raises to the lowest threshold that meets the target precision', () => {
    const suggestion = suggestThreshold('refund', 0.55, outcomes, {
      targetPrecision: 0.9,
      minLabels: 30,
      minSupport: 10,
    });
    expect(suggestion).toMatchObject({
      kind: 'change',
      labels: 50,
      current: { threshold: 0.55, precision: 31 / 40, answeredShare: 0.8, answered: 40 },
      suggested: { threshold: 0.8, precision: 19 / 20, answeredShare: 0.4, answered: 20 },
    });
    expect(suggestion.why).toBe(
      'raise 0.55 → 0.8: precision 77.5% → 95% (target 90%), judged answers let through 80% → 40%',
    );
  });

  it('lowers a threshold that is stricter than the target needs', () => {
    const suggestion = suggestThreshold('refund', 0.95, outcomes, {
      targetPrecision: 0.75,
      minLabels: 30,
      minSupport: 10,
    });
    expect(suggestion.kind).toBe('change');
    expect(suggestion.kind === 'change' ? suggestion.suggested : null).toMatchObject({
      threshold: 0.6,
      precision: 31 / 40,
    });
  });

  it('keeps a threshold that already is the right one', () => {
    expect(suggestThreshold('refund', 0.8, outcomes).kind).toBe('keep');
  });

  it('says when no threshold reaches the target with enough support, and when labels are too few', () => {
    const unreachable = suggestThreshold('refund', 0.5, outcomes, {
      targetPrecision: 0.99,
      minLabels: 30,
      minSupport: 15,
    });
    expect(unreachable.kind).toBe('unreachable');
    const few = suggestThreshold('refund', 0.5, outcomes.slice(0, 12));
    expect(few).toMatchObject({ kind: 'not_enough_labels', why: '12 judged answers, 30 needed' });
  });

  it('suggests for each policy category that has outcomes', () => {
    const suggestions = suggestThresholds({ refund: 0.55, billing: 0.5, shipping: 0.4 }, [
      ...outcomes,
      { category: 'shipping', score: 0.7, correct: true },
    ]);
    expect(suggestions.map((item) => [item.category, item.kind])).toEqual([
      ['refund', 'change'],
      ['shipping', 'not_enough_labels'],
    ]);
  });
});

describe('judged outcomes', () => {
  const base = { category: 'refund', score: 0.6, hadDraft: true } as const;
  it('reads answers from review labels and threshold-only handoffs from verdicts', () => {
    expect(
      answerOutcomeOf({
        ...base,
        action: 'answer',
        reasons: [],
        judgement: { review: { label: 'correct' } },
      }),
    ).toEqual({ category: 'refund', score: 0.6, correct: true });
    expect(
      answerOutcomeOf({
        ...base,
        action: 'answer',
        reasons: [],
        judgement: { review: { label: 'incomplete' } },
      })?.correct,
    ).toBe(false);
    expect(
      answerOutcomeOf({
        ...base,
        action: 'escalate',
        reasons: ['low_confidence'],
        judgement: { verdict: 'not_needed' },
      })?.correct,
    ).toBe(true);
    expect(
      answerOutcomeOf({
        ...base,
        action: 'escalate',
        reasons: ['low_confidence'],
        judgement: { verdict: 'needed' },
      })?.correct,
    ).toBe(false);
  });

  it('ignores handoffs that had another reason, and unjudged answers', () => {
    expect(
      answerOutcomeOf({
        ...base,
        action: 'escalate',
        reasons: ['low_confidence', 'frustration'],
        judgement: { verdict: 'not_needed' },
      }),
    ).toBeNull();
    expect(answerOutcomeOf({ ...base, action: 'answer', reasons: [], judgement: {} })).toBeNull();
  });
});

describe('a suggestion with its backtest', () => {
  it('shows automation and misses before and after the draft threshold', async () => {
    // The default policy with the refund threshold pinned, so the numbers do not move with its tuning.
    const policy = { ...withCategoryThreshold(defaultPolicy(), 'refund', 0.55), version: 'current' };
    const confidences = [0.5, 0.6, 0.7, 0.8, 0.9];
    const cases: BacktestCase[] = await Promise.all(
      confidences.map(async (confidence, index) => ({
        id: `c${index}`,
        evidence: await gatherTriageEvidence({
          categoryModel: fixedCategoryModel('refund', 0.9),
          answerer: answeringWith(confidence, 'You can return items within 30 days of delivery.'),
          messages: [{ role: 'customer', text: 'Can I send back the shoes I bought?' }],
        }),
        // The two least confident answers were wrong: people were needed there.
        need: confidence < 0.65 ? ('needed' as const) : ('not_needed' as const),
      })),
    );
    const suggestion = suggestThreshold('refund', 0.55, outcomes);
    if (suggestion.kind !== 'change') throw new Error('expected a change');
    const result = backtestSuggestion(policy, suggestion, cases);
    expect(result.draft.categories.refund?.threshold).toBe(0.8);
    expect(result.draft.version).toBe('current+draft');
    expect(policy.categories.refund?.threshold).toBe(0.55);
    expect(result).toMatchObject({
      conversations: 5,
      automationBefore: 0.8,
      automationAfter: 0.4,
      missesBefore: 1,
      missesAfter: 0,
      needlessBefore: 0,
      needlessAfter: 1,
      changed: 2,
    });
  });
});
