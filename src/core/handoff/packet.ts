/**
 * The handoff packet (SPEC §6): what the agent sees above the transcript so they never start cold.
 * It is plain JSON, so it can be stored as an event, sent over the API and printed by `baton triage`.
 */
import { estimateWait, type WaitEstimate } from '../wait/wait-estimate.ts';
import type {
  ArticleTried,
  HandoffInput,
  HandoffTeam,
  RecentConversation,
  TranscriptLine,
} from './handoff-input.ts';
import type { LookupOutcome } from './lookup-outcome.ts';
import { type ReasonCode, reasonLabels } from './reasons.ts';
import { type SentimentDirection, sentimentDirection, sentimentWords } from './sentiment-words.ts';

export interface PacketReason {
  readonly code: ReasonCode;
  readonly label: string;
  readonly evidence: string;
}

export interface PacketCustomer {
  readonly name: string | null;
  readonly plan: string | null;
  readonly externalId: string | null;
  readonly email: string | null;
  readonly fields: Readonly<Record<string, string | number | boolean | null>>;
}

export interface HandoffPacket {
  readonly version: 1;
  /** The customer's last message, verbatim. */
  readonly question: string;
  readonly summary: string;
  readonly category: { readonly key: string; readonly confidence: number };
  readonly reasons: readonly PacketReason[];
  readonly signals: Readonly<Record<string, unknown>>;
  readonly lookups: readonly LookupOutcome[];
  readonly articlesTried: readonly ArticleTried[];
  readonly draft: string | null;
  readonly sentiment: { readonly trend: readonly number[]; readonly direction: SentimentDirection };
  readonly recentConversations: readonly RecentConversation[];
  readonly recontactCount: number;
  readonly customer: PacketCustomer | null;
  readonly team: HandoffTeam;
  readonly wait: WaitEstimate;
  readonly transcript: readonly TranscriptLine[];
  /** ISO 8601 instant the handoff was composed. */
  readonly composedAt: string;
}

/** The text last flattened to single spaces: a handoff shortens its question twice (summary, quote). */
let lastFlattened = { text: '', flat: '' };
const flattened = (text: string): string => {
  if (text !== lastFlattened.text) lastFlattened = { text, flat: text.replace(/\s+/g, ' ').trim() };
  return lastFlattened.flat;
};

const shorten = (text: string, max: number): string => {
  const flat = flattened(text);
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.!?-]+$/, '')}…`;
};

const summarise = (input: HandoffInput, customer: PacketCustomer | null): string => {
  const who = customer?.name ?? 'Customer';
  const plan = customer?.plan ? ` (${customer.plan} plan)` : '';
  const confidence = Math.round(input.categoryConfidence * 100);
  const reasons = input.reasons.map((reason) => reasonLabels[reason.code].toLowerCase()).join(', ');
  const checks = input.lookups.map((lookup) => `${lookup.name} ${lookup.status}`).join(', ');
  const turns = input.transcript.filter((line) => line.role === 'customer').length;
  const parts = [
    `${who}${plan} asks about ${input.category} (${confidence}% sure): “${shorten(input.question, 140)}”.`,
    reasons ? `Handed over for: ${reasons}.` : 'Handed over.',
    checks ? `Lookups: ${checks}.` : 'No lookups.',
    `${turns} customer message${turns === 1 ? '' : 's'}, sentiment ${sentimentWords(input.sentimentTrend)}.`,
  ];
  return parts.join(' ');
};

const packetCustomer = (input: HandoffInput): PacketCustomer | null => {
  const customer = input.customer;
  if (!customer) return null;
  return {
    name: customer.name ?? null,
    plan: customer.plan ?? null,
    externalId: customer.externalId ?? null,
    email: customer.email ?? null,
    fields: customer.fields ?? {},
  };
};

/** At most this many articles reach the packet: the agent reads a few, not the whole knowledge base. */
export const maxArticlesTried = 3;
/** An article scoring under this share of the best one was not a real candidate. */
const articleShareOfBest = 0.25;

/** The articles worth an agent's glance: the best few that scored anything, best first. */
const articlesThatMatter = (tried: readonly ArticleTried[]): readonly ArticleTried[] => {
  const sorted = [...tried].sort((a, b) => b.score - a.score);
  const best = sorted[0]?.score ?? 0;
  return sorted
    .filter((article) => article.score > 0 && article.score >= best * articleShareOfBest)
    .slice(0, maxArticlesTried);
};

/**
 * The ISO form of the last moment seen: a run of `baton triage` composes every handoff at one
 * moment, and formatting the date anew each time cost more than the rest of the packet's fields.
 */
let lastMoment = { time: Number.NaN, iso: '' };
const isoInstant = (moment: Date): string => {
  const time = moment.getTime();
  if (time !== lastMoment.time) lastMoment = { time, iso: moment.toISOString() };
  return lastMoment.iso;
};

/** Builds the agent's packet from what the AI turn knew; the wait estimate is computed here, once. */
export const buildHandoffPacket = (input: HandoffInput): HandoffPacket => {
  const customer = packetCustomer(input);
  const recent = input.recentConversations ?? [];
  return {
    version: 1,
    question: input.question,
    summary: summarise(input, customer),
    category: { key: input.category, confidence: input.categoryConfidence },
    reasons: input.reasons.map((reason) => ({
      code: reason.code,
      evidence: reason.evidence,
      label: reasonLabels[reason.code],
    })),
    signals: input.signals,
    lookups: input.lookups,
    articlesTried: articlesThatMatter(input.triedArticles),
    draft: input.draft,
    sentiment: { trend: input.sentimentTrend, direction: sentimentDirection(input.sentimentTrend) },
    recentConversations: recent,
    recontactCount: recent.filter((conversation) => conversation.isRecontact).length,
    customer,
    team: input.team,
    wait: estimateWait({ queue: input.queue, businessHours: input.businessHours, now: input.now }),
    transcript: input.transcript,
    composedAt: isoInstant(input.now),
  };
};

export { shorten as shortenForQuote };
