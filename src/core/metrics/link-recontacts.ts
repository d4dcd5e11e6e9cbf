/**
 * Recontacts across conversations (SPEC §2): a customer's new conversation on the same category
 * within the recontact window after an earlier conversation's resolution is a recontact of it, and
 * marks the earlier conversation's (first) resolution as not durable.
 */
import { isWithinRecontactWindow } from '../conversation/recontact.ts';
import type { ConversationFacts } from './conversation-facts.ts';
import { groupBy } from './group-by.ts';

/** When the conversation's customer first reached out: the first message, else the start. */
const contactAt = (facts: ConversationFacts): Date => facts.firstCustomerMessageAt ?? facts.startedAt;

/** The resolution of `earlier` that `at` follows most closely, if any came before it. */
const resolutionBefore = (earlier: ConversationFacts, at: Date): Date | null => {
  for (const resolvedAt of [earlier.lastResolvedAt, earlier.resolvedAt]) {
    if (resolvedAt !== null && resolvedAt.getTime() <= at.getTime()) return resolvedAt;
  }
  return null;
};

/** The earlier conversation `later` is a recontact of: the one whose resolution it follows most closely. */
const recontactedConversation = (
  later: ConversationFacts,
  earlierOnes: readonly ConversationFacts[],
  windowMs: number,
): ConversationFacts | null => {
  if (later.category === null) return null;
  const at = contactAt(later);
  let best: { facts: ConversationFacts; resolvedAt: Date } | null = null;
  for (const earlier of earlierOnes) {
    if (earlier.conversationId === later.conversationId || earlier.category !== later.category) continue;
    const resolvedAt = resolutionBefore(earlier, at);
    if (resolvedAt === null || !isWithinRecontactWindow(resolvedAt, at, windowMs)) continue;
    if (best === null || resolvedAt.getTime() > best.resolvedAt.getTime())
      best = { facts: earlier, resolvedAt };
  }
  return best?.facts ?? null;
};

/** Sets `recontactOf`, `recontacted` and `recontactEscalated` across each customer's conversations. */
export const linkRecontacts = (
  facts: readonly ConversationFacts[],
  windowMs: number,
): ConversationFacts[] => {
  const byCustomer = groupBy(facts, (row) => row.customerId);
  const recontactOf = new Map<string, string>();
  const recontacts: { earlier: string; later: ConversationFacts }[] = [];
  for (const rows of byCustomer.values()) {
    for (const later of rows) {
      const earlier = recontactedConversation(later, rows, windowMs);
      if (earlier === null) continue;
      recontactOf.set(later.conversationId, earlier.conversationId);
      recontacts.push({ earlier: earlier.conversationId, later });
    }
  }
  const recontactsOf = groupBy(recontacts, (link) => link.earlier);
  return facts.map((row) => {
    // Only recontacts within the window after the first resolution count against it (the resolver).
    const against = (recontactsOf.get(row.conversationId) ?? [])
      .map((link) => link.later)
      .filter(
        (later) =>
          row.resolvedAt !== null && isWithinRecontactWindow(row.resolvedAt, contactAt(later), windowMs),
      );
    return {
      ...row,
      recontactOf: recontactOf.get(row.conversationId) ?? null,
      recontacted: row.recontacted || against.length > 0,
      recontactEscalated: row.recontactEscalated || against.some((later) => later.handedOverAt !== null),
    };
  });
};
