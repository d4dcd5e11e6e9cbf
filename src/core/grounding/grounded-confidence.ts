/**
 * The confidence the policy thresholds see (issue 11): retrieval evidence combined with the
 * grounding check. A grounded answer keeps its evidence when it stays close to its sources'
 * words and loses up to a third of it when it paraphrases loosely; an ungrounded one is not sent.
 */

/**
 * An account lookup that answered, cited by the answer, is direct evidence about this customer:
 * worth as much as an article that clearly answers the question (the retrieval confidence of a
 * clear best match sits around 0.8–0.9 on the demo knowledge base).
 */
export const lookupEvidence = 0.85;

/** How much of the evidence depends on the answer keeping to its sources' words. */
const supportWeight = 1 / 3;

/** Evidence (retrieval, or a cited lookup) scaled by how closely the answer keeps to its sources. */
export const groundedConfidence = (input: {
  readonly retrieval: number;
  readonly citesLookup: boolean;
  /** GroundingReport.support. */
  readonly support: number;
}): number => {
  const evidence = Math.max(input.retrieval, input.citesLookup ? lookupEvidence : 0);
  const scaled = evidence * (1 - supportWeight + supportWeight * Math.min(1, Math.max(0, input.support)));
  return Math.round(scaled * 1000) / 1000;
};
