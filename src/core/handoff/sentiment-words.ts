/** A conversation's customer sentiment in words for the handoff (no other imports: the web app uses it). */
export type SentimentDirection = 'falling' | 'rising' | 'steady' | 'unknown';

/** Whether sentiment went down, up or stayed level over the conversation. */
export const sentimentDirection = (trend: readonly number[]): SentimentDirection => {
  const first = trend[0];
  const last = trend[trend.length - 1];
  if (trend.length < 2 || first === undefined || last === undefined) return 'unknown';
  const change = last - first;
  if (change <= -0.2) return 'falling';
  if (change >= 0.2) return 'rising';
  return 'steady';
};

/**
 * Sentiment in words for a person: how it moved over two or more customer messages, or, with only
 * one, its tone (a single message has no direction, and "unknown" told the agent nothing).
 */
export const sentimentWords = (trend: readonly number[]): string => {
  const direction = sentimentDirection(trend);
  if (direction !== 'unknown') return direction;
  const only = trend[0];
  if (only === undefined) return 'unknown';
  if (only <= -0.2) return 'negative';
  if (only >= 0.2) return 'positive';
  return 'neutral';
};
