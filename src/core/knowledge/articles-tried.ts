/**
 * Which of the ranked articles a turn records as "tried": the ones that scored anything, best
 * first, at most a handful. Reviewers, the backtest and the knowledge-gap report read the best
 * few scores; listing the whole knowledge base made every decision trace kilobytes long (52
 * entries for the demo, most of them scoring 0) that the database compressed on every turn.
 */
export const maxArticlesRecorded = 8;

export const articlesWorthRecording = <T extends { readonly score: number }>(
  rankedBestFirst: readonly T[],
): T[] => rankedBestFirst.filter((article) => article.score > 0).slice(0, maxArticlesRecorded);
