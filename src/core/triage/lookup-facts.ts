/**
 * Answers from the customer's own account (SPEC §3 step 4, issue 11): a question about one's own
 * order or subscription is answered from the lookup's facts first, with the article for the rest;
 * an anonymous visitor is asked for what the lookup needs instead of being sent to a page.
 */
import type { LookupOutcome } from '../handoff/index.ts';

/** What part of their own account a question is about. */
export type AccountTopic = 'order' | 'subscription';

const ownOrder =
  /\b(?:my|our)\s+(?:\w+\s+)?(?:order|parcel|package|delivery|shipment|purchase)s?\b|\border\s*(?:number|no\.?)?\s*#?\s*\d{3,}|#\d{3,}\b|\bwhere(?:'s| is| are)\s+my\b|\btrack(?:ing)?\s+my\b/i;
const ownSubscription =
  /\bmy\s+(?:next\s+|upcoming\s+)?(?:payment|charge|bill|billing date|renewal(?: date)?|plan|subscription|membership)\b|\bnext\s+(?:payment|charge|bill|billing date|renewal)\b|\bwhen\b[^.?!]{0,30}\b(?:renew|be charged|be billed|pay next|charged next|billed next)\b|\b(?:what|which)\s+plan\b[^.?!]{0,20}\b(?:i|am i|i'm)\b/i;

/** The account topic of a question about the customer's own order or subscription; null for general questions. */
export const accountTopicOf = (question: string): AccountTopic | null => {
  const text = question.replace(/[’`]/g, "'");
  if (ownOrder.test(text)) return 'order';
  if (ownSubscription.test(text)) return 'subscription';
  return null;
};

const topicWords: Readonly<Record<AccountTopic, RegExp>> = {
  order: /order/i,
  subscription: /subscription|plan|membership/i,
};

/** The lookup that answered about a topic (by its name or label), if any. */
export const lookupFor = (topic: AccountTopic, lookups: readonly LookupOutcome[]): LookupOutcome | null =>
  lookups.find(
    (lookup) =>
      lookup.status === 'ok' &&
      lookup.fields.length > 0 &&
      (topicWords[topic].test(lookup.name) || topicWords[topic].test(lookup.label)),
  ) ?? null;

/** "I checked your order:" and one line per field, as the lookup labelled them. */
export const describeLookup = (lookup: LookupOutcome): string =>
  [`I checked ${lookup.label}:`, ...lookup.fields.map((field) => `- ${field.label}: ${field.value}`)].join(
    '\n',
  );

/** The order number the customer gave ("order 1042", "#1042"), newest first. */
export const statedOrderNumber = (lines: readonly { role: string; text: string }[]): string | null => {
  for (const line of [...lines].reverse()) {
    if (line.role !== 'customer') continue;
    const match = /(?:order|#)\s*(?:number|no\.?)?\s*#?\s*(\d{3,12})\b/i.exec(line.text);
    if (match?.[1]) return match[1];
  }
  return null;
};

/** The email address the customer wrote in the conversation, newest first. */
export const statedEmail = (lines: readonly { role: string; text: string }[]): string | null => {
  for (const line of [...lines].reverse()) {
    if (line.role !== 'customer') continue;
    const match = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(line.text);
    if (match) return match[0].toLowerCase();
  }
  return null;
};

export type AccountAnswer =
  | { readonly kind: 'facts'; readonly text: string; readonly lookup: LookupOutcome }
  | { readonly kind: 'ask'; readonly text: string };

/**
 * The account part of an answer to a question about one's own order or subscription: the facts
 * when a lookup answered, or — for an order asked about by someone we cannot look up — what we
 * need to look it up. Null when the question is general or there is nothing account-specific to say.
 */
export const composeAccountAnswer = (input: {
  readonly question: string;
  readonly transcript: readonly { role: string; text: string }[];
  readonly lookups: readonly LookupOutcome[];
  readonly identified: boolean;
}): AccountAnswer | null => {
  const topic = accountTopicOf(input.question);
  if (!topic) return null;
  const lookup = lookupFor(topic, input.lookups);
  if (lookup) return { kind: 'facts', text: describeLookup(lookup), lookup };
  if (topic !== 'order' || input.identified) return null;
  const lines = [...input.transcript, { role: 'customer', text: input.question }];
  const needsNumber = statedOrderNumber(lines) === null;
  const needsEmail = statedEmail(lines) === null;
  if (!needsNumber && !needsEmail) return null;
  const wanted = [
    needsNumber ? 'your order number' : null,
    needsEmail ? 'the email address you used when you ordered' : null,
  ]
    .filter((part): part is string => part !== null)
    .join(' and ');
  return { kind: 'ask', text: `I can look that order up for you. Please send me ${wanted}.` };
};
