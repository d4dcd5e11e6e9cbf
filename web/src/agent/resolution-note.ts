/**
 * The line under a resolved conversation: who resolved it and how (SPEC §2's four ways — a person
 * closed it, the customer confirmed the AI's answer, the AI's answer stood when the customer went
 * quiet, or the customer left before any answer), read from its latest `resolved` event.
 */
import type { ConversationDetail } from '../../../src/api/schemas.ts';

const REOPENS = 'A reply from the customer reopens it.';

export const resolutionNote = (detail: ConversationDetail): string => {
  const resolved = detail.events.findLast((event) => event.type === 'resolved');
  const { assigneeId, assigneeName } = detail.conversation;
  switch (resolved?.data.by) {
    case 'agent': {
      const who = resolved.actor === `agent:${assigneeId}` && assigneeName ? assigneeName : 'a person';
      return `Resolved by ${who}. ${REOPENS}`;
    }
    case 'ai_confirmed':
      return `Resolved by the AI: the customer said its answer solved it. ${REOPENS}`;
    case 'ai_assumed':
      return `Resolved by the AI: the customer went quiet after its answer. ${REOPENS}`;
    case 'abandoned':
      return `Closed: the customer left before anyone answered. ${REOPENS}`;
    default:
      return `Resolved. ${REOPENS}`;
  }
};
