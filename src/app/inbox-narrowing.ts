/** A view's list narrowed by what the agent searched for and filtered on (the inbox search). */
import type { ConversationState } from '../core/conversation/lifecycle.ts';
import type { Agent } from '../core/model.ts';
import type { ConversationFilter } from '../core/ports/store.ts';
import { readConversationSearch } from '../core/search/conversation-search.ts';

export interface InboxNarrowing {
  readonly q?: string;
  readonly status?: ConversationState;
  readonly priority?: number;
  /** `me`, `none` (nobody assigned) or an agent's id. */
  readonly assignee?: string;
  readonly category?: string;
  readonly from?: Date;
  readonly to?: Date;
  /** Only the conversations on this hold; without it the active views show none on hold. */
  readonly hold?: 'snoozed' | 'waiting_on_customer';
  /** Only conversations carrying this tag (normalised by the query schema). */
  readonly tag?: string;
  /** Only conversations with news the agent has not read. */
  readonly unread?: boolean;
}

const assigneePart = (assignee: string | undefined, agent: Agent): Partial<ConversationFilter> => {
  if (assignee === undefined) return {};
  if (assignee === 'none') return { unassigned: true };
  return { assigneeId: assignee === 'me' ? agent.id : assignee };
};

/**
 * The view's filter with the narrowing added: a status keeps only that state of the view's states,
 * an assignee replaces none the view set (the "mine" view stays the agent's own).
 */
export const narrowed = (view: ConversationFilter, by: InboxNarrowing, agent: Agent): ConversationFilter => {
  const search = by.q === undefined ? null : readConversationSearch(by.q);
  const states =
    by.status === undefined ? view.states : (view.states ?? [by.status]).filter((s) => s === by.status);
  const assignee = view.assigneeId === undefined ? assigneePart(by.assignee, agent) : {};
  return {
    ...view,
    ...(states === undefined ? {} : { states }),
    ...assignee,
    ...(by.priority === undefined ? {} : { priorities: [by.priority] }),
    ...(by.category === undefined ? {} : { categories: [by.category] }),
    ...(by.from === undefined ? {} : { startedFrom: by.from }),
    ...(by.to === undefined ? {} : { startedBefore: by.to }),
    ...(search === null ? {} : { search }),
    ...(by.hold === undefined ? {} : { hold: by.hold }),
    ...(by.tag === undefined ? {} : { tag: by.tag }),
    ...(by.unread ? { unreadBy: agent.id } : {}),
  };
};
