/** Grounding (SPEC §3 step 4): an answer's claims checked against its sources, and the confidence the policy sees. */
export type { DateClaim } from './claims.ts';
export { datesIn, identifiersIn, isPolicyStatement, numbersIn, sentencesOf } from './claims.ts';
export { groundedConfidence, lookupEvidence } from './grounded-confidence.ts';
export type { GroundingIndex, GroundingReport } from './grounding-check.ts';
export { checkGrounding, groundingIndex, repeatsAny, unsupportedClaims } from './grounding-check.ts';
export { lookupSourceText } from './lookup-source.ts';
