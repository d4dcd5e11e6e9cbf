/** Signals of SPEC §4: pure detectors over message text. */
export type { MoneyAmount } from './amount.ts';
export { detectAmounts, largestAmount } from './amount.ts';
export type { SignalName, SignalOptions, SignalReport, SignalValues } from './detect-signals.ts';
export { detectSignals, signalNames } from './detect-signals.ts';
export type { DistressFinding, DistressKind } from './distress.ts';
export { detectDistress } from './distress.ts';
export type { FrustrationFinding } from './frustration.ts';
export { detectFrustration } from './frustration.ts';
export type { RequestFinding } from './human-request.ts';
export { detectHumanRequest, detectManagerRequest } from './human-request.ts';
export type { LegalFinding } from './legal-threat.ts';
export { detectLegalThreat } from './legal-threat.ts';
export type { AskIntent, RepeatedAskFinding, TurnLine } from './repeated-ask.ts';
export { askSimilarity, detectRepeatedAsk } from './repeated-ask.ts';
export { scoreSentiment, sentimentTrend } from './sentiment.ts';
export { tokenize } from './text.ts';
export { detectUrgency } from './urgency.ts';
