/**
 * The customer's handoff message (SPEC §6): their question in their words, what was checked and
 * why that was not enough, and what happens next. Every value placed into a template is read from
 * the packet, so the message can never state a fact the agent cannot see.
 */
import { promisedMinutes } from '../wait/wait-estimate.ts';
import { defaultHandoffTemplates } from './default-templates.ts';
import { fillPlaceholders, tidyMessage } from './fill-placeholders.ts';
import type { HandoffInput } from './handoff-input.ts';
import { buildHandoffPacket, type HandoffPacket, shortenForQuote } from './packet.ts';
import type { ReasonCode } from './reasons.ts';
import { type HandoffTemplateSet, resolveTemplates } from './templates.ts';

export interface ComposedHandoff {
  readonly message: string;
  /** The minutes promised to the customer; null when no number was promised (closed, unstaffed). */
  readonly waitMinutes: number | null;
  readonly packet: HandoffPacket;
}

/** The order in which reasons are worth telling the customer; only the first two are said. */
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

const quoteQuestion = (question: string): string => shortenForQuote(question, 200).replace(/[“”]/g, '"');

const lookupsSentence = (packet: HandoffPacket): string => {
  const checked = packet.lookups
    .filter((lookup) => lookup.status === 'ok')
    .map((lookup) =>
      lookup.fields.length > 0
        ? `${lookup.label} (${lookup.fields.map((field) => `${field.label}: ${field.value}`).join('; ')})`
        : `${lookup.label} (nothing on record)`,
    );
  const failed = packet.lookups.filter((lookup) => lookup.status !== 'ok').map((lookup) => lookup.label);
  const sentences = [
    checked.length > 0 ? `I checked ${joinList(checked, 'and')}.` : '',
    failed.length > 0 ? `I couldn’t check ${joinList(failed, 'or')} just now.` : '',
  ];
  return sentences.filter(Boolean).join(' ');
};

const articlesSentence = (packet: HandoffPacket): string => {
  const titles = packet.articlesTried.slice(0, 3).map((article) => `“${article.title}”`);
  if (titles.length === 0) return '';
  const also = packet.lookups.some((lookup) => lookup.status === 'ok') ? 'also ' : '';
  const noun = titles.length === 1 ? 'help article' : 'help articles';
  return `I ${also}read our ${noun} ${joinList(titles, 'and')}.`;
};

const reasonsSentence = (packet: HandoffPacket, templates: HandoffTemplateSet): string => {
  const need = templates.needs[packet.category.key] ?? templates.needs.default ?? 'a person to look at it';
  const values = { team: packet.team.name, need, category: packet.category.key.replace(/_/g, ' ') };
  const codes = new Set(packet.reasons.map((reason) => reason.code));
  const spoken = reasonOrder.filter((code) => codes.has(code)).slice(0, 2);
  const chosen: readonly ReasonCode[] = spoken.length > 0 ? spoken : ['agent_requested_by_rule'];
  return chosen.map((code) => fillPlaceholders(templates.reasons[code], values).text).join(' ');
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
  const values = {
    question: quoteQuestion(packet.question),
    lookups: lookupsSentence(packet),
    articles: articlesSentence(packet),
    reasons: reasonsSentence(packet, templates),
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
