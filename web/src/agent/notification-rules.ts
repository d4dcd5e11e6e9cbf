/**
 * Which live updates deserve the agent's attention (a flashing tab title, an optional chime, an
 * opt-in desktop notification): a conversation newly handed to a person that is theirs — assigned
 * to them, or waiting in one of their teams' queues — and a customer writing in a conversation
 * assigned to them. Pure, so the rule is tested with plain values.
 */
import type { ConversationSummary, LiveUpdate } from '../../../src/api/schemas.ts';

export interface Alert {
  readonly conversationId: string;
  readonly title: string;
  readonly body: string;
}

/** What the person last knew of a conversation. */
export type KnownConversation = Pick<
  ConversationSummary,
  'id' | 'state' | 'assigneeId' | 'teamKey' | 'customerName'
>;

export interface Person {
  readonly id: string;
  readonly teamKeys: readonly string[];
}

const withPerson = (state: string) => state === 'queued' || state === 'assigned';

const handoffAlert = (
  now: ConversationSummary,
  before: KnownConversation | undefined,
  me: Person,
): Alert | null => {
  if (!withPerson(now.state)) return null;
  const newlyMine = now.assigneeId === me.id && before?.assigneeId !== me.id;
  const newlyQueued =
    now.state === 'queued' &&
    now.teamKey !== null &&
    me.teamKeys.includes(now.teamKey) &&
    (before === undefined || !withPerson(before.state) || before.teamKey !== now.teamKey);
  if (newlyMine)
    return {
      conversationId: now.id,
      title: `Assigned to you: ${now.customerName}`,
      body: now.lastMessagePreview ?? '',
    };
  if (newlyQueued)
    return {
      conversationId: now.id,
      title: `New handoff in ${now.teamKey}: ${now.customerName}`,
      body: now.lastMessagePreview ?? '',
    };
  return null;
};

/** The alert an update calls for, given what the person knew of its conversation before it. */
export const alertFor = (
  update: LiveUpdate,
  before: KnownConversation | undefined,
  me: Person,
): Alert | null => {
  if (update.type === 'conversation') return handoffAlert(update.conversation, before, me);
  if (update.type !== 'message') return null;
  const { message } = update;
  if (message.author !== 'customer' || message.kind !== 'message') return null;
  if (before?.assigneeId !== me.id || before.state !== 'assigned') return null;
  return { conversationId: update.conversationId, title: `${before.customerName} wrote`, body: message.body };
};
