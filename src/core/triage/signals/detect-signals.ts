/** All signals of SPEC §4 for a conversation's latest customer message, each with its evidence. */
import { detectAmounts, largestAmount, type MoneyAmount } from './amount.ts';
import type { DistressKind } from './distress.ts';
import { scoreFrustration } from './frustration.ts';
import {
  detectHumanRequest,
  detectManagerRequest,
  type RequestFinding,
  requestTokens,
} from './human-request.ts';
import type { LineMemo } from './line-memo.ts';
import { type MessageSignals, readMessageSignals } from './message-signals.ts';
import { type AskIntent, detectRepeatedAsk, repeatWeights, type TurnLine } from './repeated-ask.ts';
import { scoreSentiment, sentimentTrend } from './sentiment.ts';
import type { Token } from './text.ts';
import { remembered } from './text-memo.ts';

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

/** The customer's latest burst: every customer message after the last AI or agent reply. */
const latestBurst = (lines: readonly TurnLine[]): readonly TurnLine[] => {
  let start = lines.length;
  while (start > 0 && lines[start - 1]?.role === 'customer') start -= 1;
  return lines.slice(start);
};

export interface SignalOptions {
  /** The category model's reading of a message, so that a repeat is recognised by meaning. */
  readonly intentOf?: AskIntent;
  /** What earlier turns of this conversation read in its messages (readings of `intentOf`'s model). */
  readonly lineMemo?: LineMemo;
}

/** The first finding of `detect` that fired over the burst's messages, with their request tokens. */
const firstRequest = (
  burst: readonly TurnLine[],
  burstTokens: readonly (readonly Token[])[],
  detect: (text: string, tokens: readonly Token[]) => RequestFinding,
): RequestFinding | undefined => {
  for (let index = 0; index < burst.length; index += 1) {
    const line = burst[index];
    const tokens = burstTokens[index];
    if (!line || !tokens) continue;
    const finding = detect(line.text, tokens);
    if (finding.fired) return finding;
  }
  return undefined;
};

/** Detects every signal for the latest customer message of a conversation (oldest line first). */
export const detectSignals = (lines: readonly TurnLine[], options: SignalOptions = {}): SignalReport => {
  const customerLines = lines.filter((line) => line.role === 'customer');
  const burst = latestBurst(lines);
  const evidence: Partial<Record<SignalName, string>> = {};
  const latestText = burst.length === 1 ? (burst[0]?.text ?? '') : burst.map((line) => line.text).join('\n');
  // A burst of one message is a line of the transcript and may be remembered; a joined burst is not.
  const latest =
    burst.length === 1
      ? remembered(options.lineMemo?.signals, latestText, readMessageSignals)
      : readMessageSignals(latestText);
  const latestTokens = latest.tokens;

  // A burst of one message (the usual case) is the latest text itself: its tokens are shared.
  const burstTokens = burst.map((line) =>
    requestTokens(line.text, line.text === latestText ? latestTokens : undefined),
  );
  const human = firstRequest(burst, burstTokens, detectHumanRequest);
  if (human?.evidence) evidence.human_requested = human.evidence;
  const manager = firstRequest(burst, burstTokens, detectManagerRequest);
  if (manager?.evidence) evidence.manager_requested = manager.evidence;

  // Threats, urgency and distress stay true once said: a later "ok" does not undo them.
  let legal: MessageSignals['legal'] = null;
  let urgent: MessageSignals['urgent'] = null;
  let distress: MessageSignals['distress'] = null;
  let injection: MessageSignals['injection'] = null;
  const perMessage: number[] = [];
  let latestSentiment = scoreSentiment([]);
  let latestCues: MessageSignals['cues'] | null = null;
  const latestLine = customerLines[customerLines.length - 1];
  for (const line of customerLines) {
    // The latest customer message is read as the whole latest burst.
    const message =
      line === latestLine ? latest : remembered(options.lineMemo?.signals, line.text, readMessageSignals);
    legal ??= message.legal;
    urgent ??= message.urgent;
    distress ??= message.distress;
    injection ??= message.injection;
    latestCues = message.cues;
    latestSentiment = message.sentiment;
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
  // The burst runs back to the last AI or agent reply: anything before it means support replied.
  const frustration = scoreFrustration(latestCues ?? latest.cues, {
    afterReply: burst.length < lines.length,
  });
  if (frustration.fired) evidence.frustration = frustration.evidence.join(', ');
  const repeated = detectRepeatedAsk(lines, options.intentOf, repeatWeights, options.lineMemo);
  if (repeated.count > 0)
    evidence.repeated_ask = repeated.evidence.map((item) => `"${item.earlier}"`).join('; ');
  // A loop rather than flatMap, which V8 runs slowly (this runs once a conversation).
  const amounts: MoneyAmount[] = [];
  for (const line of customerLines) for (const amount of detectAmounts(line.text)) amounts.push(amount);
  const largest = largestAmount(amounts);
  if (largest) evidence.amount = amounts.map((amount) => amount.evidence).join(', ');
  let turns = 0;
  for (const line of lines) if (line.role === 'ai') turns += 1;
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
