/** Whether a message is about the business at all, judged on the family of its top category. */
import type { CategoryPrediction } from '../category/index.ts';
import type { EscalationPolicy } from '../policy/index.ts';

/**
 * How sure the model is that the message belongs to the top category's team (its family:
 * billing, refund and payment disputes are all the billing team's), damped as the top category's
 * confidence is. A message split between two of one team's categories is still plainly about our
 * business; the catch-all category has no family.
 */
export const familyConfidence = (policy: EscalationPolicy, prediction: CategoryPrediction): number => {
  const top = prediction.scores[0];
  const team = policy.categories[prediction.category]?.team;
  if (!top || top.score <= 0 || team === undefined || prediction.category === policy.defaultCategory)
    return prediction.confidence;
  const damping = prediction.confidence / top.score;
  const family = prediction.scores
    .filter(
      (score) =>
        score.category !== policy.defaultCategory && policy.categories[score.category]?.team === team,
    )
    .reduce((sum, score) => sum + score.score, 0);
  return Math.min(1, Math.max(prediction.confidence, family * damping));
};
