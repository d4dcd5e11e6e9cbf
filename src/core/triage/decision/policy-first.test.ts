import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/index.ts';
import { detectSignals } from '../signals/index.ts';
import { fixedCategoryModel } from '../triage-fakes.ts';
import { decide, withAttempt } from './decide.ts';
import type { AnswerAttempt } from './decision-types.ts';
import { policyFindings } from './policy-findings.ts';
import { handoverBeforeAnswer } from './policy-first.ts';

const perfectDraft: AnswerAttempt = { kind: 'answer', text: '', confidence: 1, tried: [], citations: [] };

const messages = [
  'where is my order',
  'I want to talk to a real person now',
  'there is a payment on my card I did not make',
  'thanks, bye',
  'my lawyer will hear about this',
  'refund',
  'this is useless!!! third time asking',
  'I was charged 900 dollars twice',
];

describe('handoverBeforeAnswer', () => {
  it('hands over exactly when the decision on a perfect draft does', () => {
    const policy = defaultPolicy();
    for (const text of messages) {
      for (const category of ['order_status', 'fraud', 'other', 'billing']) {
        for (const confidence of [0.05, 0.3, 0.6, 0.95]) {
          const prediction = fixedCategoryModel(category, confidence).classify(text);
          const input = {
            policy,
            signals: detectSignals([{ role: 'customer', text }]),
            prediction,
            latestText: text,
            previousAiText: null,
            customerPlan: null,
          };
          const findings = policyFindings(input);
          const decided = decide(withAttempt(input, perfectDraft), findings);
          const handover = handoverBeforeAnswer(input, findings);
          expect(handover?.kind ?? 'none', `${text} / ${category} ${confidence}`).toBe(
            decided.kind === 'escalate' ? 'escalate' : 'none',
          );
          if (handover) expect(handover).toEqual(decided);
        }
      }
    }
  });
});
