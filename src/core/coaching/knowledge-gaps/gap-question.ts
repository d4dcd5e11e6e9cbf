/** A customer question the knowledge base may not cover, as the gap finder reads it. */
export interface GapQuestion {
  readonly conversationId: string;
  readonly text: string;
  readonly at: Date;
  readonly category: string | null;
  /** Relevance of the best article the answerer found (null: none at all). */
  readonly topArticleScore: number | null;
  /** A reviewer labelled the conversation with root cause `missing_article`. */
  readonly missingArticleLabel: boolean;
  /** Only thanks or a goodbye, answered with the closing reply: not a question at all. */
  readonly closingRemark: boolean;
}
