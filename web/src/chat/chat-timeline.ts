/**
 * What the customer reads besides messages: who they are talking with, and lines in the transcript
 * when a person joins, the conversation is passed on, or it is resolved — so a change never shows
 * only in the header.
 */
import type { CustomerConversation, MessageView } from '../../../src/api/schemas.ts';

export interface ChatNotice {
  readonly id: string;
  /** `handover`: passed to someone else or back to the queue. */
  readonly kind: 'handover' | 'resolved' | 'joined';
  /** The message it follows; null for before the first message. */
  readonly afterMessageId: string | null;
  readonly text: string;
}

export type TimelineItem =
  | { readonly kind: 'message'; readonly message: MessageView }
  | { readonly kind: 'notice'; readonly notice: ChatNotice };

type ConversationState = Pick<CustomerConversation, 'state' | 'teamName' | 'assigneeName'>;

/** The person who wrote the last agent reply, and its position in the transcript. */
const lastReply = (messages: readonly MessageView[]): { name: string; index: number } | null => {
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const m = messages[i];
    if (m && m.author === 'agent' && m.kind === 'message' && m.authorName)
      return { name: m.authorName, index: i };
  }
  return null;
};

/**
 * The line under the chat's title. "Talking with" names only someone who has written: the assigned
 * person once they have, else whoever last replied — unless the conversation has since been passed
 * on. A person assigned who has not written yet "has your conversation" (an automatic assignment is
 * not a reply).
 */
export const statusLine = (
  conversation: ConversationState | null,
  messages: readonly MessageView[],
  notices: readonly ChatNotice[] = [],
): string => {
  if (!conversation || conversation.state === 'ai')
    return 'Our AI assistant answers from Acme’s help articles.';
  const team = conversation.teamName ? ` (${conversation.teamName})` : '';
  if (conversation.state === 'queued') return `Waiting for the ${conversation.teamName ?? 'support'} team`;
  if (conversation.state === 'assigned') {
    const name = conversation.assigneeName;
    if (!name) return 'Waiting for the support team';
    const wrote = messages.some((m) => m.author === 'agent' && m.kind === 'message' && m.authorName === name);
    if (wrote) return `You’re talking with ${name}${team}`;
    const last = lastReply(messages);
    const passedSince =
      last !== null &&
      notices.some(
        (n) => n.kind === 'handover' && messages.findIndex((m) => m.id === n.afterMessageId) >= last.index,
      );
    if (last && !passedSince) return `You’re talking with ${last.name}${team}`;
    return `${name}${team} has your conversation and will reply here`;
  }
  return 'This conversation is resolved. Write again any time to reopen it.';
};

const RESOLVED_TEXT = 'This conversation was resolved. Write again any time to reopen it.';

/** The notice for a live change of state or assignee, or null when the change needs none. */
export const noticeForChange = (
  before: ConversationState,
  after: ConversationState,
  lastMessageId: string | null,
  at: number,
): ChatNotice | null => {
  const notice = (kind: ChatNotice['kind'], text: string): ChatNotice => ({
    id: `${at}-${text}`,
    kind,
    afterMessageId: lastMessageId,
    text,
  });
  if (after.state === 'resolved' && before.state !== 'resolved') return notice('resolved', RESOLVED_TEXT);
  if (before.state !== 'assigned' || !before.assigneeName) return null;
  if (after.state === 'assigned' && after.assigneeName && after.assigneeName !== before.assigneeName) {
    return notice('handover', `${before.assigneeName} passed your conversation to ${after.assigneeName}.`);
  }
  if (after.state === 'queued')
    return notice('handover', 'Your conversation is waiting for the next person on the team.');
  return null;
};

/** Messages in order with the notices between them: live ones, and "X joined" before a person's first reply. */
export const timeline = (
  messages: readonly MessageView[],
  notices: readonly ChatNotice[],
  state: CustomerConversation['state'] | null,
): TimelineItem[] => {
  const items: TimelineItem[] = notices
    .filter((n) => n.afterMessageId === null)
    .map((notice) => ({ kind: 'notice', notice }));
  let lastAgent: string | null = null;
  for (const message of messages) {
    if (message.author === 'agent' && message.authorName && message.authorName !== lastAgent) {
      lastAgent = message.authorName;
      const text = `${message.authorName} joined the conversation`;
      const joined: ChatNotice = { id: `joined-${message.id}`, kind: 'joined', afterMessageId: null, text };
      items.push({ kind: 'notice', notice: joined });
    }
    items.push({ kind: 'message', message });
    for (const notice of notices.filter((n) => n.afterMessageId === message.id)) {
      items.push({ kind: 'notice', notice });
    }
  }
  const last = items[items.length - 1];
  const endsResolved = last?.kind === 'notice' && last.notice.kind === 'resolved';
  if (state === 'resolved' && !endsResolved) {
    const resolved: ChatNotice = {
      id: 'resolved',
      kind: 'resolved',
      afterMessageId: null,
      text: RESOLVED_TEXT,
    };
    items.push({ kind: 'notice', notice: resolved });
  }
  return items;
};
