/**
 * Which of a customer's conversations a facts refresh must derive again, and which it must read to
 * do so, when some of them changed — instead of the customer's whole history.
 *
 * A conversation's facts depend on its own events and, through recontacts (link-recontacts.ts), on
 * the same customer's conversations with a contact or resolution within the recontact window of
 * one of its own, and on the earlier conversations those could be recontacts of. Every such time
 * lies between a conversation's first and last event (its span), and spans only grow as events are
 * appended, so the facts of X are exact when derived from the conversations whose spans meet X's
 * span widened by the window on both sides; and X can change only when a changed conversation is
 * among those. Contacts and resolutions are never further apart than that: the window is the
 * recontact rule's, its end included.
 */
import { groupBy } from './group-by.ts';

export interface ConversationSpan {
  readonly conversationId: string;
  readonly customerId: string;
  /** The earliest and latest of the conversation's events. */
  readonly firstAt: Date;
  readonly lastAt: Date;
}

export interface RecountScope {
  /** Conversations whose facts may have changed: derive them again and save them. */
  readonly save: ReadonlySet<string>;
  /** Conversations whose events the derivation of `save` needs (a superset of it). */
  readonly read: ReadonlySet<string>;
}

const meets = (span: ConversationSpan, around: ConversationSpan, windowMs: number): boolean =>
  span.lastAt.getTime() >= around.firstAt.getTime() - windowMs &&
  span.firstAt.getTime() <= around.lastAt.getTime() + windowMs;

/** The conversations of `spans` that meet any of `around` widened by the window, per customer. */
const near = (
  spans: readonly ConversationSpan[],
  around: readonly ConversationSpan[],
  windowMs: number,
): ConversationSpan[] => {
  const byCustomer = groupBy(around, (span) => span.customerId);
  return spans.filter((span) =>
    (byCustomer.get(span.customerId) ?? []).some((other) => meets(span, other, windowMs)),
  );
};

/**
 * The scope of a refresh of `changed` conversations, given the spans of all their customers'
 * conversations. A changed conversation without a span (no event left) is neither read nor saved.
 */
export const recountScope = (
  spans: readonly ConversationSpan[],
  changed: ReadonlySet<string>,
  windowMs: number,
): RecountScope => {
  const save = near(
    spans,
    spans.filter((span) => changed.has(span.conversationId)),
    windowMs,
  );
  const read = near(spans, save, windowMs);
  return {
    save: new Set(save.map((span) => span.conversationId)),
    read: new Set(read.map((span) => span.conversationId)),
  };
};
