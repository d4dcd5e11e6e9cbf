/**
 * What the customer reads besides messages: who they are talking with, and lines in the transcript
 * when a person joins, the conversation is passed on, or it is resolved — so a change never shows
 * only in the header.
 */
import type { CustomerConversation, MessageView } from '../../../src/api/schemas.ts';

export interface ChatNotice {
  readonly id: string;
  /** The message it follows; null for before the first message. */
  readonly afterMessageId: string | null;
  readonly text: string;
}

export type TimelineItem =
  | { readonly kind: 'message'; readonly message: MessageView }
  | { readonly kind: 'notice'; readonly notice: ChatNotice };

type ConversationState = Pick<CustomerConversation, 'state' | 'teamName' | 'assigneeName'>;

const writers = (messages: readonly MessageView[]): readonly string[] =>
  messages.flatMap((m) =>
    m.author === 'agent' && m.kind === 'message' && m.authorName ? [m.authorName] : [],
  );

/**
 * The line under the chat's title. "Talking with" names the assigned person only once they have
 * written here; until then they "have your conversation" (an automatic assignment is not a reply).
 */
export const statusLine = (
  conversation: ConversationState | null,
  messages: readonly MessageView[],
): string => {
  if (!conversation || conversation.state === 'ai')
    return 'Our AI assistant answers from Acme’s help articles.';
  const team = conversation.teamName ? ` (${conversation.teamName})` : '';
  if (conversation.state === 'queued') return `Waiting for the ${conversation.teamName ?? 'support'} team`;
  if (conversation.state === 'assigned') {
    const name = conversation.assigneeName;
    if (!name) return 'Waiting for the support team';
    return writers(messages).includes(name)
      ? `You’re talking with ${name}${team}`
      : `${name}${team} has your conversation and will reply here`;
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
  const notice = (text: string) => ({ id: `${at}-${text}`, afterMessageId: lastMessageId, text });
  if (after.state === 'resolved' && before.state !== 'resolved') return notice(RESOLVED_TEXT);
  if (before.state !== 'assigned' || !before.assigneeName) return null;
  if (after.state === 'assigned' && after.assigneeName && after.assigneeName !== before.assigneeName) {
    return notice(`${before.assigneeName} passed your conversation to ${after.assigneeName}.`);
  }
  if (after.state === 'queued')
    return notice('Your conversation is waiting for the next person on the team.');
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
      items.push({ kind: 'notice', notice: { id: `joined-${message.id}`, afterMessageId: null, text } });
    }
    items.push({ kind: 'message', message });
    for (const notice of notices.filter((n) => n.afterMessageId === message.id)) {
      items.push({ kind: 'notice', notice });
    }
  }
  const last = items[items.length - 1];
  const endsResolved = last?.kind === 'notice' && last.notice.text === RESOLVED_TEXT;
  if (state === 'resolved' && !endsResolved) {
    items.push({ kind: 'notice', notice: { id: 'resolved', afterMessageId: null, text: RESOLVED_TEXT } });
  }
  return items;
};
