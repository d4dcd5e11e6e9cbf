/**
 * How many unread conversations each inbox view and team queue holds for one person, and the one
 * number the tab title shows: what waits for a person (their team queues and their own
 * conversations, each counted once). Conversations with the AI have their own count but stay out
 * of the title: the AI is answering them.
 */

/** A conversation as the counts see it. */
export interface CountedConversation {
  readonly id: string;
  readonly teamKey: string | null;
}

export interface ViewConversations {
  readonly queue: readonly CountedConversation[];
  readonly mine: readonly CountedConversation[];
  readonly ai: readonly CountedConversation[];
}

export interface UnreadCounts {
  readonly views: { readonly queue: number; readonly mine: number; readonly ai: number };
  /** Unread conversations in each team's queue; teams with none are absent. */
  readonly teams: Readonly<Record<string, number>>;
  /** What the tab title shows: unread in the team queues and assigned to the person, once each. */
  readonly total: number;
}

/** Tallies the views' unread conversations (each view lists only those unread for the person). */
export const unreadCounts = ({ queue, mine, ai }: ViewConversations): UnreadCounts => {
  const teams: Record<string, number> = {};
  for (const { teamKey } of queue) if (teamKey !== null) teams[teamKey] = (teams[teamKey] ?? 0) + 1;
  return {
    views: { queue: queue.length, mine: mine.length, ai: ai.length },
    teams,
    total: new Set([...queue, ...mine].map(({ id }) => id)).size,
  };
};
