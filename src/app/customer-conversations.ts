/** The customer's side of a conversation: start it, send messages, read it back. */
import type { CustomerConversation } from '../api/schemas.ts';
import { checkMessageText } from '../core/conversation/message-text.ts';
import { DomainError } from '../core/errors.ts';
import type { Conversation, Customer, Message } from '../core/model.ts';
import { authorNameOf, broadcastWritten } from './broadcast.ts';
import type { AppContext } from './context.ts';
import { ratingViewFor } from './customer-rating.ts';
import { loadConversation } from './load.ts';
import { isWaitingOnCustomer, presentMessage } from './presenters.ts';

export interface StartedConversation {
  readonly conversation: Conversation;
  readonly customer: Customer;
}

/** The customer starting a chat: an anonymous visitor, or one the company's backend identified. */
const customerFor = async (
  ctx: AppContext,
  input: {
    readonly name?: string | undefined;
    readonly email?: string | undefined;
    readonly externalId?: string | null;
  },
): Promise<Customer> => {
  if (input.externalId) {
    const known = await ctx.store.customers.getByExternalId(ctx.workspace.id, input.externalId);
    if (known) return known;
  }
  return ctx.store.customers.create({
    workspaceId: ctx.workspace.id,
    externalId: input.externalId ?? null,
    name: input.name || null,
    email: input.email || null,
  });
};

/** Starts a conversation; `externalId` must already be verified by the caller. */
export const startConversation = async (
  ctx: AppContext,
  input: {
    readonly name?: string | undefined;
    readonly email?: string | undefined;
    readonly externalId?: string | null;
  },
): Promise<StartedConversation> => {
  const customer = await customerFor(ctx, input);
  const conversation = await ctx.store.conversations.create(
    { workspaceId: ctx.workspace.id, customerId: customer.id },
    {
      type: 'conversation_started',
      actor: { kind: 'customer', id: customer.id },
      data: { channel: 'widget' },
    },
  );
  return { conversation, customer };
};

/**
 * Stores the customer's message before anything else (SPEC §3 step 1): in the same statement it
 * reopens a resolved conversation and queues the AI turn when the AI holds the conversation.
 */
export const receiveCustomerMessage = async (
  ctx: AppContext,
  conversationId: string,
  customerId: string,
  text: unknown,
  idempotencyKey: string | null,
): Promise<{ readonly message: Message; readonly created: boolean }> => {
  const body = checkMessageText(text, ctx.limits.maxMessageChars);
  // With a free slot here, the turn is leased with the message and starts without a claim.
  const slot = ctx.aiTurns.reserve();
  const stored = await ctx.store.messages
    .appendCustomerMessage({
      workspaceId: ctx.workspace.id,
      conversationId,
      customerId,
      body,
      idempotencyKey,
      ...(slot ? { lease: slot.lease } : {}),
    })
    .catch((error: unknown) => {
      slot?.release();
      throw error;
    });
  const leased = stored.kind === 'stored' ? stored.turn : null;
  if (!leased) slot?.release();
  if (stored.kind === 'not_found') {
    throw new DomainError(
      'conversation_not_found',
      `No conversation ${conversationId} here. Check the id, or start a new conversation.`,
    );
  }
  if (stored.kind === 'not_yours') {
    throw new DomainError('forbidden', 'This conversation belongs to someone else.');
  }
  const { message, created, conversation, customer } = stored;
  if (!created) return { message, created };
  // The customer's own message is shown before the AI starts on it ("typing…" comes after).
  broadcastWritten(ctx, { conversation, customer, message });
  if (leased) slot?.run(leased);
  else if (stored.turnQueued) ctx.aiTurns.wake();
  return { message, created };
};

export const customerConversationView = async (
  ctx: AppContext,
  conversationId: string,
  customerId: string,
): Promise<CustomerConversation> => {
  const conversation = await loadConversation(ctx, conversationId);
  if (conversation.customerId !== customerId) {
    throw new DomainError('forbidden', 'This conversation belongs to someone else.');
  }
  const messages = (await ctx.store.messages.list(conversationId)).filter((m) => m.kind !== 'note');
  const [team, assignee] = await Promise.all([
    conversation.teamKey
      ? ctx.store.teams
          .list(ctx.workspace.id)
          .then((teams) => teams.find((t) => t.key === conversation.teamKey) ?? null)
      : Promise.resolve(null),
    conversation.assigneeId ? ctx.store.agents.getById(conversation.assigneeId) : Promise.resolve(null),
  ]);
  return {
    id: conversation.id,
    state: conversation.state,
    teamName: team?.name ?? null,
    assigneeName: assignee?.name ?? null,
    waitingOnCustomer: isWaitingOnCustomer(messages),
    messages: await Promise.all(messages.map(async (m) => presentMessage(m, await authorNameOf(ctx, m)))),
    rating: await ratingViewFor(
      ctx.store,
      conversation.id,
      customerId,
      await ctx.store.events.list(conversation.id),
    ),
  };
};
