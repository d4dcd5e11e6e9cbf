/**
 * What the signal detectors read in one customer message on its own: its tokens, the findings of
 * the detectors that stay true once said (legal threat, urgency, distress, prompt injection), and
 * its sentiment and frustration cues. All of it depends on the text alone, so a turn that has seen
 * the message before may take it from a memo (line-memo.ts) instead of reading it again.
 */
import { type DistressFinding, detectDistress } from './distress.ts';
import { type FrustrationCues, frustrationCues } from './frustration.ts';
import { detectLegalThreat, type LegalFinding } from './legal-threat.ts';
import { detectPromptInjection, type PromptInjectionFinding } from './prompt-injection.ts';
import { type SentimentBreakdown, scoreSentiment } from './sentiment.ts';
import { type Token, tokenize } from './text.ts';
import { detectUrgency, type UrgencyFinding } from './urgency.ts';

export interface MessageSignals {
  readonly tokens: readonly Token[];
  /** Each finding only when it fired, else null. */
  readonly legal: LegalFinding | null;
  readonly urgent: UrgencyFinding | null;
  readonly distress: DistressFinding | null;
  readonly injection: PromptInjectionFinding | null;
  /** The lexicon's score, lowered when the message raises its voice. */
  readonly sentiment: SentimentBreakdown;
  readonly cues: FrustrationCues;
}

/**
 * Support text says mood with more than words: shouting, "!!" and "third time" (or "still waiting") lower the score
 * the lexicon gives (by 1, 1 and 2 lexicon points).
 */
const withRaisedVoice = (sentiment: SentimentBreakdown, cues: FrustrationCues): SentimentBreakdown => {
  // "Still waiting" is exasperation or impatience depending on the conversation; the mood is the same.
  const exasperated = cues.exasperation.length > 0 || cues.waiting.length > 0;
  const extra = (cues.shouting.length > 0 ? 1 : 0) + (cues.punctuation ? 1 : 0) + (exasperated ? 2 : 0);
  if (extra === 0) return sentiment;
  const total = sentiment.total - extra;
  const words = [...sentiment.words];
  if (cues.shouting.length > 0) words.push({ word: 'shouting', score: -1 });
  if (cues.punctuation) words.push({ word: cues.punctuation, score: -1 });
  if (exasperated) words.push({ word: cues.exasperation[0] ?? cues.waiting[0] ?? '', score: -2 });
  return { score: Math.round(Math.tanh(total / 5) * 100) / 100, total, words };
};

const whenFired = <T extends { readonly fired: boolean }>(finding: T): T | null =>
  finding.fired ? finding : null;

/** Runs the per-message detectors over one message (or the latest burst's joined text). */
export const readMessageSignals = (text: string): MessageSignals => {
  const tokens = tokenize(text);
  const lexical = scoreSentiment(tokens);
  const cues = frustrationCues(text, tokens, lexical);
  return {
    tokens,
    legal: whenFired(detectLegalThreat(text, tokens)),
    urgent: whenFired(detectUrgency(text, tokens)),
    distress: whenFired(detectDistress(text, tokens)),
    injection: whenFired(detectPromptInjection(text, tokens)),
    sentiment: withRaisedVoice(lexical, cues),
    cues,
  };
};
