/** Events in, facts out: a workspace's event log turned into one facts row per conversation. */
import { DEFAULT_RECONTACT_WINDOW_MS } from '../conversation/recontact.ts';
import { parseEvent, type TypedEvent, upgradeLegacyEvents } from '../events/index.ts';
import { defaultAnswerThresholds } from '../knowledge/answer-composer.ts';
import type { ConversationEvent } from '../model.ts';
import type { ConversationFacts, FactSettings } from './conversation-facts.ts';
import { foldConversation } from './fold-conversation.ts';
import { groupBy } from './group-by.ts';
import { linkRecontacts } from './link-recontacts.ts';

export const defaultFactSettings: FactSettings = {
  recontactWindowMs: DEFAULT_RECONTACT_WINDOW_MS,
  relevanceThreshold: defaultAnswerThresholds.minRelevance,
};

/**
 * Facts for every conversation in `events` (oldest first within each conversation). Events written
 * before their schema are upgraded first; events that still match no schema change nothing.
 */
export const deriveConversationFacts = (
  events: readonly ConversationEvent[],
  settings: FactSettings = defaultFactSettings,
): ConversationFacts[] => {
  const byConversation = groupBy(events, (event) => event.conversationId);
  const folded: ConversationFacts[] = [];
  for (const [conversationId, list] of byConversation) {
    const typed = upgradeLegacyEvents(list).flatMap((event): TypedEvent[] => {
      const parsed = parseEvent(event);
      return parsed === null ? [] : [parsed];
    });
    const facts = foldConversation(conversationId, typed, settings);
    if (facts !== null) folded.push(facts);
  }
  return linkRecontacts(folded, settings.recontactWindowMs);
};
