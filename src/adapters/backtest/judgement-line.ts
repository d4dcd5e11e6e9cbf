/**
 * The judgement a backtest input line may carry: the shared dev file's `label.escalation`, or the
 * replay format's `verdict` and `review.label` (SPEC §13). Triage ignores these fields.
 */
import { z } from 'zod';
import { type EscalationJudgement, reviewLabels } from '../../core/coaching/escalation-need.ts';

const judgementSchema = z.object({
  label: z
    .object({ escalation: z.enum(['must', 'recommended', 'ai_ok']).nullish().catch(null) })
    .nullish()
    .catch(null),
  verdict: z.enum(['needed', 'not_needed']).nullish().catch(null),
  review: z
    .object({ label: z.enum(reviewLabels) })
    .nullish()
    .catch(null),
});

const mentionsJudgement = /"(?:label|verdict|review)"\s*:/;

/** The line's judgement, or null when it carries none (or the line is not an object). */
export const judgementOfLine = (line: string): EscalationJudgement | null => {
  if (!mentionsJudgement.test(line)) return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  const parsed = judgementSchema.safeParse(value);
  if (!parsed.success) return null;
  const { label, verdict, review } = parsed.data;
  return {
    fileLabel: label?.escalation ?? null,
    verdict: verdict ?? null,
    review: review ? { label: review.label } : null,
  };
};
