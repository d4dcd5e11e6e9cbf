/**
 * First- and next-response clocks (issue 15) from a conversation's events. A first response is due
 * from the moment the conversation reaches people (handed over to a team, or taken over from the
 * AI) until an agent's first reply to the customer; a next response from the first customer
 * message after an agent's reply until the agent's next reply. Notes, AI messages and handoff
 * messages are not responses. A hold changes no clock (the customer's message that ends a wait on
 * them starts the next one) — it only hides the running timer, as resolution does.
 */
import { type ConversationHold, isHeld } from '../conversation/hold.ts';
import type { ConversationState } from '../conversation/lifecycle.ts';
import { parseEvent, type TypedEvent, upgradeLegacyEvents } from '../events/index.ts';
import type { ConversationEvent } from '../model.ts';
import type { ResponseTargets } from './response-targets.ts';

export type ResponseKind = 'first_response' | 'next_response';

/** One wait of the customer for a person: when it started and, once answered, when. */
export interface ResponseWait {
  readonly kind: ResponseKind;
  readonly startedAt: Date;
  readonly answeredAt: Date | null;
}

/** The reply a person owes now: which kind, when it is due and the target it came from. */
export interface ResponseDue {
  readonly kind: ResponseKind;
  readonly dueAt: Date;
  readonly targetMinutes: number;
}

/** The clock while walking the events; mutable only inside `responseWaits`. */
interface Walk {
  withPeople: boolean;
  agentReplied: boolean;
  open: { kind: ResponseKind; startedAt: Date } | null;
  waits: ResponseWait[];
}

const reachPeople = (walk: Walk, at: Date): void => {
  if (walk.withPeople) return;
  walk.withPeople = true;
  walk.agentReplied = false;
  walk.open = { kind: 'first_response', startedAt: at };
};

const onMessage = (walk: Walk, event: Extract<TypedEvent, { type: 'message_added' }>): void => {
  if (!walk.withPeople || event.data.kind !== 'message') return;
  if (event.data.author === 'agent') {
    if (walk.open) walk.waits.push({ ...walk.open, answeredAt: event.at });
    walk.open = null;
    walk.agentReplied = true;
  } else if (event.data.author === 'customer' && walk.agentReplied && walk.open === null) {
    // Several customer messages in a row: the wait counts from the first unanswered one.
    walk.open = { kind: 'next_response', startedAt: event.at };
  }
};

const leavePeople = (walk: Walk): void => {
  if (walk.open) walk.waits.push({ ...walk.open, answeredAt: null });
  walk.withPeople = false;
  walk.open = null;
};

const step = (walk: Walk, event: TypedEvent): void => {
  switch (event.type) {
    case 'handed_over':
    case 'assigned':
      reachPeople(walk, event.at);
      return;
    case 'message_added':
      onMessage(walk, event);
      return;
    case 'resolved':
    case 'reopened':
      leavePeople(walk);
      return;
    default:
      return;
  }
};

/** Every wait for a person in the events (oldest first), answered or not; the last may still be running. */
export const responseWaits = (events: readonly TypedEvent[]): ResponseWait[] => {
  const walk: Walk = { withPeople: false, agentReplied: false, open: null, waits: [] };
  for (const event of events) step(walk, event);
  if (walk.open) walk.waits.push({ ...walk.open, answeredAt: null });
  return walk.waits;
};

const targetOf = (kind: ResponseKind, targets: ResponseTargets): number =>
  kind === 'first_response' ? targets.firstResponseMinutes : targets.nextResponseMinutes;

/** When `wait` is due under `targets`. */
export const dueAtOf = (wait: ResponseWait, targets: ResponseTargets): Date =>
  new Date(wait.startedAt.getTime() + targetOf(wait.kind, targets) * 60_000);

/** Whether `wait` was answered by its due time; null while it is unanswered. */
export const wasMet = (wait: ResponseWait, targets: ResponseTargets): boolean | null =>
  wait.answeredAt === null ? null : wait.answeredAt.getTime() <= dueAtOf(wait, targets).getTime();

/** Whether the conversation may show a running timer at all: with people and on no hold. */
export const mayShowTimer = (conversation: ResponseClockConversation, now: Date): boolean =>
  (conversation.state === 'queued' || conversation.state === 'assigned') && !isHeld(conversation.hold, now);

/** The conversation as the timer needs it: its state and hold. */
export interface ResponseClockConversation {
  readonly state: ConversationState;
  readonly hold: ConversationHold | null;
}

/**
 * The reply a person owes on this conversation at `now`, or null: none is owed, the AI holds it,
 * it is resolved, or it is on hold (the timer is hidden, not paused).
 */
export const responseDue = (
  conversation: ResponseClockConversation,
  events: readonly ConversationEvent[],
  targets: ResponseTargets,
  now: Date,
): ResponseDue | null => {
  if (!mayShowTimer(conversation, now)) return null;
  const typed = upgradeLegacyEvents(events).flatMap((event) => parseEvent(event) ?? []);
  const last = responseWaits(typed).at(-1);
  if (last === undefined || last.answeredAt !== null) return null;
  return { kind: last.kind, dueAt: dueAtOf(last, targets), targetMinutes: targetOf(last.kind, targets) };
};
