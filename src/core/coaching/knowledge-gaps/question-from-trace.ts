/** A gap question from the `decision_made` trace of a customer message. */
import type { DecisionTrace } from '../../triage/index.ts';
import type { GapQuestion } from './gap-question.ts';

export const gapQuestionFromTrace = (recorded: {
  readonly conversationId: string;
  readonly question: string;
  readonly at: Date;
  readonly trace: DecisionTrace;
  readonly missingArticleLabel: boolean;
}): GapQuestion => {
  const { retrieval } = recorded.trace;
  const scores = retrieval.kind === 'failed' ? [] : retrieval.tried.map((article) => article.score);
  return {
    conversationId: recorded.conversationId,
    text: recorded.question,
    at: recorded.at,
    category: recorded.trace.category.name,
    topArticleScore: scores.length > 0 ? Math.max(...scores) : null,
    missingArticleLabel: recorded.missingArticleLabel,
    closingRemark: recorded.trace.closingRemark,
  };
};
