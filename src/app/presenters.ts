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

/** The conversation waits on the customer when our side spoke last (notes are not seen by them). */
const waitsOnCustomer = (lastVisible: Message | null): boolean =>
  lastVisible !== null && lastVisible.author !== 'customer';

export const isWaitingOnCustomer = (messages: readonly Message[]): boolean =>
  waitsOnCustomer(messages.findLast((m) => m.kind !== 'note') ?? null);

export const presentConversationSummary = (
  conversation: Conversation,
  customer: Customer | null,
  messages: readonly Message[],
  assigneeName: string | null,
  /** Left out where it is not computed (live updates: the inbox reloads rows that carry it). */
  responseDue?: ResponseDue | null,
): ConversationSummary =>
  presentSummaryRow(
    conversation,
    customer,
    messages.findLast((m) => m.kind !== 'note') ?? null,
    assigneeName,
    responseDue,
  );

/** The inbox row from what it shows of the transcript: the latest message that is not a note. */
export const presentSummaryRow = (
  conversation: Conversation,
  customer: Customer | null,
  lastVisible: Message | null,
  assigneeName: string | null,
  responseDue?: ResponseDue | null,
): ConversationSummary => {
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
    lastMessagePreview: lastVisible ? lastVisible.body.slice(0, 140) : null,
    lastMessageAt: conversation.lastMessageAt?.toISOString() ?? null,
    waitingOnCustomer: waitsOnCustomer(lastVisible),
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
