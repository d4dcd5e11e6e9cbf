/** Pure mappers from domain records to the API's views. */
import type { ConversationSummary, MessageView } from '../api/schemas.ts';
import type { Conversation, Customer, Message } from '../core/model.ts';
import type { ResponseDue } from '../core/response-time/response-clock.ts';

export const presentMessage = (message: Message, authorName: string | null = null): MessageView => ({
  id: message.id,
  author: message.author,
  authorName,
  kind: message.kind,
  body: message.body,
  citations: message.citations.map((c) => ({ articleId: c.articleId, slug: c.slug, title: c.title })),
  createdAt: message.createdAt.toISOString(),
});

export const customerDisplayName = (customer: Customer | null): string =>
  customer?.name ?? customer?.email ?? 'Visitor';

/** The conversation waits on the customer when our side spoke last. */
export const isWaitingOnCustomer = (messages: readonly Message[]): boolean => {
  const last = [...messages].reverse().find((m) => m.kind !== 'note');
  return last !== undefined && last.author !== 'customer';
};

export const presentConversationSummary = (
  conversation: Conversation,
  customer: Customer | null,
  messages: readonly Message[],
  assigneeName: string | null,
  /** Left out where it is not computed (live updates: the inbox reloads rows that carry it). */
  responseDue?: ResponseDue | null,
): ConversationSummary => {
  const visible = messages.filter((m) => m.kind !== 'note');
  const last = visible[visible.length - 1];
  return {
    id: conversation.id,
    state: conversation.state,
    teamKey: conversation.teamKey,
    assigneeId: conversation.assigneeId,
    assigneeName,
    category: conversation.category,
    priority: conversation.priority,
    customerName: customerDisplayName(customer),
    subject: conversation.subject,
    lastMessagePreview: last ? last.body.slice(0, 140) : null,
    lastMessageAt: conversation.lastMessageAt?.toISOString() ?? null,
    waitingOnCustomer: isWaitingOnCustomer(messages),
    createdAt: conversation.createdAt.toISOString(),
    hold:
      conversation.hold === null
        ? null
        : {
            kind: conversation.hold.kind,
            until: conversation.hold.kind === 'snoozed' ? conversation.hold.until.toISOString() : null,
          },
    ...(responseDue === undefined
      ? {}
      : {
          responseDue: responseDue && {
            kind: responseDue.kind,
            dueAt: responseDue.dueAt.toISOString(),
            targetMinutes: responseDue.targetMinutes,
          },
        }),
  };
};
