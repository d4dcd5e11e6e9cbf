/**
 * A gap question from a stored `decision_made` event: the customer's question, the decision's
 * category, the best article score its retrieval found, and whether it was only a thanks answered
 * with the closing reply. The event's data is read through its schema, never field by field.
 */
import { type EventData, eventSchemas } from '../../events/index.ts';
import type { GapQuestion } from './gap-question.ts';

/** The question, or null when the event's data is not a decision (the gap finder skips it). */
export const gapQuestionFromDecision = (recorded: {
  readonly conversationId: string;
  readonly question: string;
  readonly at: Date;
  /** The `decision_made` event's data, as stored. */
  readonly decision: unknown;
  readonly missingArticleLabel: boolean;
}): GapQuestion | null => {
  const parsed = eventSchemas.decision_made.safeParse(recorded.decision);
  if (!parsed.success) return null;
  const decision: EventData<'decision_made'> = parsed.data;
  const scores = (decision.trace.retrieval?.tried ?? []).map((article) => article.score);
  return {
    conversationId: recorded.conversationId,
    text: recorded.question,
    at: recorded.at,
    category: decision.category,
    topArticleScore: scores.length > 0 ? Math.max(...scores) : null,
    missingArticleLabel: recorded.missingArticleLabel,
    closingRemark: decision.trace.closingRemark === true,
  };
};
