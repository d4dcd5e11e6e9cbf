/** All signals of SPEC §4 for a conversation's latest customer message, each with its evidence. */
import { detectAmounts, largestAmount, type MoneyAmount } from './amount.ts';
import { type DistressKind, detectDistress } from './distress.ts';
import { type FrustrationCues, frustrationCues, scoreFrustration } from './frustration.ts';
import { detectHumanRequest, detectManagerRequest, requestTokens } from './human-request.ts';
import { detectLegalThreat } from './legal-threat.ts';
import { detectPromptInjection, type PromptInjectionFinding } from './prompt-injection.ts';
import { type AskIntent, detectRepeatedAsk, type TurnLine } from './repeated-ask.ts';
import { type SentimentBreakdown, scoreSentiment, sentimentTrend } from './sentiment.ts';
import { tokenize } from './text.ts';
import { detectUrgency } from './urgency.ts';

export const signalNames = [
  'human_requested',
  'manager_requested',
  'legal_threat',
  'urgent',
  'sentiment',
  'frustration',
  'distress',
  'repeated_ask',
  'amount',
  'turns',
  'prompt_injection',
] as const;
export type SignalName = (typeof signalNames)[number];

/** The signal values as they appear in `baton triage` output (SPEC §13). */
export interface SignalValues {
  readonly human_requested: boolean;
  readonly manager_requested: boolean;
  readonly legal_threat: boolean;
  readonly urgent: boolean;
  /** Latest customer message, in [-1, 1]. */
  readonly sentiment: number;
  /** Latest minus first customer message sentiment (0 for a single message). */
  readonly sentiment_trend: number;
  readonly frustration: boolean;
  readonly distress: boolean;
  readonly repeated_ask: number;
  readonly amount: { readonly value: number; readonly currency: string | null } | null;
  readonly turns: number;
  /** The customer tried to steer the AI (a risk signal only: it changes nothing else). */
  readonly prompt_injection: boolean;
}

/** Values plus the words that triggered them, and the detail behind the scored ones. */
export interface SignalReport {
  readonly values: SignalValues;
  readonly evidence: Readonly<Partial<Record<SignalName, string>>>;
  readonly detail: {
    readonly sentimentPerMessage: readonly number[];
    readonly sentimentWords: readonly { readonly word: string; readonly score: number }[];
    /** Consecutive customer messages, up to the latest, each more negative than the one before. */
    readonly sentimentFallingFor: number;
    readonly frustrationScore: number;
    readonly distressKind: DistressKind | null;
    readonly amounts: readonly MoneyAmount[];
    readonly repeatedAsks: readonly { readonly earlier: string; readonly similarity: number }[];
  };
}

/**
 * Support text says mood with more than words: shouting, "!!" and "third time" lower the score
 * the lexicon gives (by 1, 1 and 2 lexicon points).
 */
const withRaisedVoice = (sentiment: SentimentBreakdown, cues: FrustrationCues): SentimentBreakdown => {
  const extra =
    (cues.shouting.length > 0 ? 1 : 0) + (cues.punctuation ? 1 : 0) + (cues.exasperation.length > 0 ? 2 : 0);
  if (extra === 0) return sentiment;
  const total = sentiment.total - extra;
  const words = [...sentiment.words];
  if (cues.shouting.length > 0) words.push({ word: 'shouting', score: -1 });
  if (cues.punctuation) words.push({ word: cues.punctuation, score: -1 });
  if (cues.exasperation.length > 0) words.push({ word: cues.exasperation[0] ?? '', score: -2 });
  return { score: Math.round(Math.tanh(total / 5) * 100) / 100, total, words };
};

/** The customer's latest burst: every customer message after the last AI or agent reply. */
const latestBurst = (lines: readonly TurnLine[]): readonly TurnLine[] => {
  let start = lines.length;
  while (start > 0 && lines[start - 1]?.role === 'customer') start -= 1;
  return lines.slice(start);
};

export interface SignalOptions {
  /** The category model's reading of a message, so that a repeat is recognised by meaning. */
  readonly intentOf?: AskIntent;
}

/** Detects every signal for the latest customer message of a conversation (oldest line first). */
export const detectSignals = (lines: readonly TurnLine[], options: SignalOptions = {}): SignalReport => {
  const customerLines = lines.filter((line) => line.role === 'customer');
  const burst = latestBurst(lines);
  const evidence: Partial<Record<SignalName, string>> = {};
  const latestText = burst.map((line) => line.text).join('\n');
  const latestTokens = tokenize(latestText);

  // A burst of one message (the usual case) is the latest text itself: its tokens are shared.
  const burstTokens = burst.map((line) =>
    requestTokens(line.text, line.text === latestText ? latestTokens : undefined),
  );
  const human = burst
    .map((line, index) => detectHumanRequest(line.text, burstTokens[index]))
    .find((finding) => finding.fired);
  if (human?.evidence) evidence.human_requested = human.evidence;
  const manager = burst
    .map((line, index) => detectManagerRequest(line.text, burstTokens[index]))
    .find((finding) => finding.fired);
  if (manager?.evidence) evidence.manager_requested = manager.evidence;

  // Threats, urgency and distress stay true once said: a later "ok" does not undo them.
  let legal = null;
  let urgent = null;
  let distress = null;
  let injection: PromptInjectionFinding | null = null;
  const perMessage: number[] = [];
  let latestSentiment = scoreSentiment([]);
  let latestCues: FrustrationCues | null = null;
  for (const line of customerLines) {
    const tokens = line === customerLines[customerLines.length - 1] ? latestTokens : tokenize(line.text);
    const text = line === customerLines[customerLines.length - 1] ? latestText : line.text;
    legal ??= ((finding) => (finding.fired ? finding : null))(detectLegalThreat(text, tokens));
    urgent ??= ((finding) => (finding.fired ? finding : null))(detectUrgency(text, tokens));
    distress ??= ((finding) => (finding.fired ? finding : null))(detectDistress(text, tokens));
    injection ??= ((finding) => (finding.fired ? finding : null))(detectPromptInjection(text));
    const lexical = scoreSentiment(tokens);
    latestCues = frustrationCues(text, tokens, lexical);
    latestSentiment = withRaisedVoice(lexical, latestCues);
    perMessage.push(latestSentiment.score);
  }
  if (legal?.evidence) evidence.legal_threat = legal.evidence;
  if (urgent?.evidence) evidence.urgent = urgent.evidence;
  if (distress?.evidence) evidence.distress = distress.evidence;
  if (injection?.evidence) evidence.prompt_injection = `${injection.kind}: ${injection.evidence}`;

  const trend = sentimentTrend(perMessage);
  if (latestSentiment.words.length > 0) {
    evidence.sentiment = latestSentiment.words.map((word) => `${word.word} (${word.score})`).join(', ');
  }
  const frustration = scoreFrustration(
    latestCues ?? frustrationCues(latestText, latestTokens, latestSentiment),
  );
  if (frustration.fired) evidence.frustration = frustration.evidence.join(', ');
  const repeated = detectRepeatedAsk(lines, options.intentOf);
  if (repeated.count > 0)
    evidence.repeated_ask = repeated.evidence.map((item) => `"${item.earlier}"`).join('; ');
  const amounts = customerLines.flatMap((line) => detectAmounts(line.text));
  const largest = largestAmount(amounts);
  if (largest) evidence.amount = amounts.map((amount) => amount.evidence).join(', ');
  const turns = lines.filter((line) => line.role === 'ai').length;
  if (turns > 0) evidence.turns = `${turns} AI answer${turns === 1 ? '' : 's'} so far`;

  return {
    values: {
      human_requested: human !== undefined,
      manager_requested: manager !== undefined,
      legal_threat: legal !== null,
      urgent: urgent !== null,
      sentiment: latestSentiment.score,
      sentiment_trend: trend.change,
      frustration: frustration.fired,
      distress: distress !== null,
      repeated_ask: repeated.count,
      amount: largest ? { value: largest.value, currency: largest.currency } : null,
      turns,
      prompt_injection: injection !== null,
    },
    evidence,
    detail: {
      sentimentPerMessage: perMessage,
      sentimentWords: latestSentiment.words,
      sentimentFallingFor: trend.fallingFor,
      frustrationScore: frustration.score,
      distressKind: distress?.kind ?? null,
      amounts,
      repeatedAsks: repeated.evidence,
    },
  };
};
