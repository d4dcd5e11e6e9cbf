/** A conversation's customer sentiment in words for the handoff (no other imports: the web app uses it). */
export type SentimentDirection = 'falling' | 'rising' | 'steady' | 'unknown';

/**
 * The smallest score that reads as a tone, or the smallest change that reads as a move (scores
 * run from -1 to 1): a fifth of the way either side of neutral.
 */
const NOTICEABLE = 0.2;

const side = <T>(score: number, below: T, above: T, between: T): T =>
  score <= -NOTICEABLE ? below : score >= NOTICEABLE ? above : between;

/** Whether sentiment went down, up or stayed level over the conversation. */
export const sentimentDirection = (trend: readonly number[]): SentimentDirection => {
  const first = trend[0];
  const last = trend[trend.length - 1];
  if (trend.length < 2 || first === undefined || last === undefined) return 'unknown';
  return side(last - first, 'falling', 'rising', 'steady');
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
  return side(only, 'negative', 'positive', 'neutral');
};
