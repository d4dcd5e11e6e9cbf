/**
 * Holds on an open conversation (SPEC §2): snoozed until a time, or waiting on the customer. A hold
 * is not a lifecycle state — the conversation stays queued or assigned with its holder — it only
 * takes the conversation out of the active views until the snooze time passes or the customer
 * writes. Deciding whether a hold may be set is pure; the store ends them.
 */
import type { ConversationState } from './lifecycle.ts';

export type ConversationHold =
  | { readonly kind: 'snoozed'; readonly until: Date }
  | { readonly kind: 'waiting_on_customer' };

export type HoldRequest = ConversationHold | { readonly kind: 'none' };

/** Why a hold ended: its time came, the customer wrote, or an agent took it off. */
export type HoldEndReason = 'snooze_over' | 'customer_replied' | 'agent';

/** The furthest a snooze may reach: further than this is a forgotten conversation, not a snooze. */
export const MAX_SNOOZE_DAYS = 90;

export type HoldDecision =
  | { readonly kind: 'set'; readonly hold: ConversationHold | null }
  | { readonly kind: 'rejected'; readonly reason: string };

/** Whether `request` may be applied to a conversation in `state` at `now`, and the hold it leaves. */
export const decideHold = (state: ConversationState, request: HoldRequest, now: Date): HoldDecision => {
  if (request.kind === 'none') return { kind: 'set', hold: null };
  if (state !== 'queued' && state !== 'assigned') {
    return {
      kind: 'rejected',
      reason: `Only a conversation with a team can be put on hold; this one is ${state === 'ai' ? 'with the AI' : state}.`,
    };
  }
  if (request.kind === 'waiting_on_customer') return { kind: 'set', hold: request };
  if (request.until.getTime() <= now.getTime()) {
    return { kind: 'rejected', reason: 'Snooze until a time in the future.' };
  }
  if (request.until.getTime() - now.getTime() > MAX_SNOOZE_DAYS * 86_400_000) {
    return { kind: 'rejected', reason: `Snooze for at most ${MAX_SNOOZE_DAYS} days.` };
  }
  return { kind: 'set', hold: request };
};

/** Whether the hold still keeps the conversation out of the active views at `now`. */
export const isHeld = (hold: ConversationHold | null, now: Date): boolean =>
  hold !== null && (hold.kind === 'waiting_on_customer' || hold.until.getTime() > now.getTime());

/**
 * Who a conversation goes back to when its snooze ends: its assignee while they are available and
 * active, otherwise its team's queue — an away or deactivated assignee would leave the customer
 * waiting with nobody looking.
 */
export const snoozeReturnsTo = (
  assignee: { readonly status: 'available' | 'away'; readonly active: boolean } | null,
): 'assignee' | 'team_queue' =>
  assignee?.active && assignee.status === 'available' ? 'assignee' : 'team_queue';
