/**
 * Which of the ranked articles a turn records as "tried": the ones that scored anything, best
 * first, at most a handful. Reviewers, the backtest and the knowledge-gap report read the best
 * few scores; listing the whole knowledge base made every decision trace kilobytes long (52
 * entries for the demo, most of them scoring 0) that the database compressed on every turn.
 */
export const maxArticlesRecorded = 8;

/**
 * The head of a best-first ranking as recorded (`record` gives each its recorded form, e.g. with a
 * rounded score). Only the head is looked at: recording every article of the knowledge base on
 * every question, to keep a handful, cost more than the choosing. `record` must keep the order
 * (a score that rounds to 0 is followed only by scores that do).
 */
export const articlesWorthRecording = <T, R extends { readonly score: number }>(
  rankedBestFirst: readonly T[],
  record: (ranked: T) => R,
): R[] => {
  const head: R[] = [];
  for (const ranked of rankedBestFirst) {
    if (head.length >= maxArticlesRecorded) break;
    const recorded = record(ranked);
    if (recorded.score <= 0) break;
    head.push(recorded);
  }
  return head;
};
