/**
 * The customer's handoff message (SPEC §6): their question in their words, what was checked and
 * why that was not enough, and what happens next. Every value placed into a template is read from
 * the packet, so the message can never state a fact the agent cannot see.
 */

import { type BoundedMemo, boundedMemo } from '../bounded-memo.ts';
import { defaultAnswerThresholds } from '../knowledge/answer-composer.ts';
import { promisedMinutes } from '../wait/wait-estimate.ts';
import { defaultHandoffTemplates } from './default-templates.ts';
import { fillPlaceholders, placeholdersIn, tidyMessage } from './fill-placeholders.ts';
import type { HandoffInput } from './handoff-input.ts';
import { buildHandoffPacket, type HandoffPacket, shortenForQuote } from './packet.ts';
import type { ReasonCode } from './reasons.ts';
import { phraseWords, saysAnyOf } from './repeated-phrase.ts';
import { type HandoffTemplateSet, resolveTemplates } from './templates.ts';

export interface ComposedHandoff {
  readonly message: string;
  /** The minutes promised to the customer; null when no number was promised (closed, unstaffed). */
  readonly waitMinutes: number | null;
  readonly packet: HandoffPacket;
}

/** The order in which reasons are worth telling the customer; at most two are said. */
const reasonOrder: readonly ReasonCode[] = [
  'human_requested',
  'manager_requested',
  'distress',
  'ai_unavailable',
  'legal_threat',
  'high_risk_category',
  'amount_over_limit',
  'urgent',
  'repeated_ask',
  'frustration',
  'negative_sentiment',
  'max_ai_turns',
  'no_answer',
  'low_confidence',
  'agent_requested_by_rule',
];

const joinList = (items: readonly string[], conjunction: 'and' | 'or'): string => {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
};

/**
 * An article is worth naming to the customer only when it plausibly covers their question: the
 * answerer's own floor, below which it treats the knowledge base as not knowing.
 */
const ARTICLE_MENTION_FLOOR = defaultAnswerThresholds.minRelevance;
const MAX_ARTICLES_NAMED = 2;
/** Account facts said in the message; the agent sees every field in the packet. Short on a phone. */
const MAX_FACTS_PER_LOOKUP = 2;
const MAX_FACTS = 4;
const MAX_REASONS_SAID = 2;
/** Reasons that mean the customer wants a person, not a reading list. */
const personRequests: ReadonlySet<ReasonCode> = new Set(['human_requested', 'manager_requested']);

const quoteQuestion = (question: string): string => shortenForQuote(question, 200).replace(/[“”]/g, '"');

const lookupsSentence = (packet: HandoffPacket): string => {
  let budget = MAX_FACTS;
  const checked = packet.lookups
    .filter((lookup) => lookup.status === 'ok')
    .map((lookup) => {
      const fields = lookup.fields.slice(0, Math.min(MAX_FACTS_PER_LOOKUP, budget));
      budget -= fields.length;
      if (lookup.fields.length === 0) return `${lookup.label} (nothing on record)`;
      if (fields.length === 0) return lookup.label;
      return `${lookup.label} (${fields.map((field) => `${field.label}: ${field.value}`).join('; ')})`;
    });
  const failed = packet.lookups.filter((lookup) => lookup.status !== 'ok').map((lookup) => lookup.label);
  const sentences = [
    checked.length > 0 ? `I checked ${joinList(checked, 'and')}.` : '',
    failed.length > 0 ? `I couldn’t check ${joinList(failed, 'or')} just now.` : '',
  ];
  return sentences.filter(Boolean).join(' ');
};

/** The articles to name: relevant ones only, and none when the customer simply asked for a person. */
export const articlesToName = (packet: HandoffPacket): HandoffPacket['articlesTried'] => {
  if (packet.reasons.some((reason) => personRequests.has(reason.code))) return [];
  return packet.articlesTried
    .filter((article) => article.score >= ARTICLE_MENTION_FLOOR)
    .slice(0, MAX_ARTICLES_NAMED);
};

const articlesSentence = (packet: HandoffPacket): string => {
  const titles = articlesToName(packet).map((article) => `“${article.title}”`);
  if (titles.length === 0) return '';
  const also = packet.lookups.some((lookup) => lookup.status === 'ok') ? 'also ' : '';
  const noun = titles.length === 1 ? 'help article' : 'help articles';
  return `I ${also}read our ${noun} ${joinList(titles, 'and')}.`;
};

/**
 * One or two reasons in plain words, most telling first. A reason that would say again what an
 * earlier one said (the same "this needs …" clause, or any six-word phrase) is left out.
 */
const reasonsSentence = (packet: HandoffPacket, templates: HandoffTemplateSet, before: string): string => {
  let known = knownReasonSentences.get(templates);
  if (known === undefined) {
    known = boundedMemo<string, string>(knownReasonSentencesCapacity);
    knownReasonSentences.set(templates, known);
  }
  const said: SaidAbout = {
    categoryKey: packet.category.key,
    teamName: packet.team.name,
    codes: packet.reasons.map((reason) => reason.code),
    before,
  };
  return known.get(saidAboutKey(said), () => chooseReasonSentences(said, templates));
};

/** Everything the reason sentences depend on besides the templates — and so all their memo key holds. */
interface SaidAbout {
  readonly categoryKey: string;
  readonly teamName: string;
  readonly codes: readonly ReasonCode[];
  /** What the message says before the reasons, so they do not say it again. */
  readonly before: string;
}

/** Lengths before the free texts, and the codes' fixed vocabulary, keep any two inputs' keys apart. */
const saidAboutKey = ({ categoryKey, teamName, codes, before }: SaidAbout): string =>
  `${categoryKey.length}:${categoryKey}${teamName.length}:${teamName}${codes.join(',')};${before}`;

/**
 * The reason sentences chosen before, by template set and then by category, team, what was said
 * before them and the reasons: handoffs repeat a few such combinations thousands of times, and
 * choosing compares every candidate's phrases with those said before. Bounded, forgetting the oldest.
 */
const knownReasonSentences = new WeakMap<HandoffTemplateSet, BoundedMemo<string, string>>();
const knownReasonSentencesCapacity = 1024;

const chooseReasonSentences = (
  { categoryKey, teamName, codes, before }: SaidAbout,
  templates: HandoffTemplateSet,
): string => {
  const need = templates.needs[categoryKey] ?? templates.needs.default ?? 'a person to look at it';
  const values = { team: teamName, need, category: categoryKey.replace(/_/g, ' ') };
  const present = new Set(codes);
  const ordered = reasonOrder.filter((code) => present.has(code));
  const candidates: readonly ReasonCode[] = ordered.length > 0 ? ordered : ['agent_requested_by_rule'];
  const said: string[] = [];
  // The words said so far, split again only when a sentence was added.
  let saidWords: readonly string[] | null = null;
  let needSaid = false;
  for (const code of candidates) {
    const template = templates.reasons[code];
    const usesNeed = placeholdersIn(template).includes('need');
    if (usesNeed && needSaid) continue;
    const sentence = fillPlaceholders(template, values).text;
    saidWords ??= phraseWords([before, ...said].join(' '));
    if (saysAnyOf(saidWords, sentence)) continue;
    said.push(sentence);
    saidWords = null;
    needSaid ||= usesNeed;
    if (said.length === MAX_REASONS_SAID) break;
  }
  return said.join(' ');
};

const expectationSentence = (packet: HandoffPacket, templates: HandoffTemplateSet): string => {
  const wait = packet.wait;
  const values: Record<string, string> = { team: packet.team.name };
  if (wait.kind === 'estimate') values.wait = wait.words;
  if (wait.kind === 'closed') values.backAt = wait.backAtWords;
  return fillPlaceholders(templates.wait[wait.kind], values).text;
};

/** Renders the customer message for a packet with the given templates. */
export const renderHandoffMessage = (packet: HandoffPacket, templates: HandoffTemplateSet): string => {
  const lookups = lookupsSentence(packet);
  const articles = articlesSentence(packet);
  const values = {
    question: quoteQuestion(packet.question),
    lookups,
    articles,
    reasons: reasonsSentence(packet, templates, `${lookups} ${articles}`),
    team: packet.team.name,
    expectation: expectationSentence(packet, templates),
  };
  return tidyMessage(fillPlaceholders(templates.message, values).text);
};

/** Builds the agent packet and the customer message for one handoff. */
export const composeHandoff = (input: HandoffInput): ComposedHandoff => {
  const packet = buildHandoffPacket(input);
  const templates = resolveTemplates(defaultHandoffTemplates, input.templates, input.team.key);
  return {
    message: renderHandoffMessage(packet, templates),
    waitMinutes: promisedMinutes(packet.wait),
    packet,
  };
};
