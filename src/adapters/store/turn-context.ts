/**
 * What an AI turn needs besides its job, read in the statement that leases it (a claim, or a
 * customer message leased at once): the transcript and the customer's earlier conversations.
 */
import { type RawBuilder, sql } from 'kysely';
import type { EarlierConversation } from '../../core/conversation/recontact.ts';
import type { MessageAuthor } from '../../core/model.ts';
import type { ClaimedTurn } from '../../core/ports/ai-turn-jobs.ts';
import { conversationFromJson, customerFromJson } from './json-rows.ts';
import { isRecord, oneOf } from './row-values.ts';

/** Customer-visible messages of a conversation (no notes, no system lines), oldest first, up to a seq. */
export const transcriptSql = (
  conversationId: RawBuilder<unknown>,
  uptoSeq: RawBuilder<unknown> | null,
) => sql`
  (SELECT coalesce(jsonb_agg(jsonb_build_object('author', m.author, 'body', m.body) ORDER BY m.seq), '[]'::jsonb)
    FROM messages m
    WHERE m.conversation_id = ${conversationId} AND m.kind <> 'note' AND m.author <> 'system'
      ${uptoSeq === null ? sql`` : sql`AND m.seq <= ${uptoSeq}`})`;

/** The customer's five most recent other conversations, with when a resolved one was resolved. */
export const earlierConversationsSql = (
  customerId: RawBuilder<unknown>,
  conversationId: RawBuilder<unknown>,
) => sql`
  (SELECT coalesce(jsonb_agg(jsonb_build_object(
      'id', e.id, 'category', e.category, 'state', e.state, 'resolvedAt', e.resolved_at) ORDER BY e.n), '[]'::jsonb)
    FROM (
      SELECT o.id, o.category, o.state,
        CASE WHEN o.state = 'resolved' THEN (
          SELECT max(ev.at) FROM conversation_events ev WHERE ev.conversation_id = o.id AND ev.type = 'resolved'
        ) END AS resolved_at,
        row_number() OVER (ORDER BY coalesce(o.last_message_at, o.created_at) DESC, o.id) AS n
      FROM conversations o
      WHERE o.customer_id = ${customerId} AND o.id <> ${conversationId}
      ORDER BY n
      LIMIT 5
    ) e)`;

export interface TurnContextRow {
  readonly message_id: string | null;
  readonly attempts: number | null;
  readonly conversation: unknown;
  readonly customer: unknown;
  readonly transcript: unknown;
  readonly earlier: unknown;
  readonly current: boolean | null;
}

const authors = ['customer', 'ai', 'agent', 'system'] as const;

const transcriptOf = (value: unknown): ClaimedTurn['transcript'] =>
  (Array.isArray(value) ? value : []).map((line: unknown) => {
    if (!isRecord(line) || typeof line.author !== 'string' || typeof line.body !== 'string') {
      throw new Error(`unexpected transcript line: ${JSON.stringify(line)}`);
    }
    const author: MessageAuthor = oneOf(authors, line.author, 'message author');
    return { author, body: line.body };
  });

const earlierOf = (value: unknown): EarlierConversation[] =>
  (Array.isArray(value) ? value : []).map((item: unknown) => {
    if (!isRecord(item) || typeof item.id !== 'string' || typeof item.state !== 'string') {
      throw new Error(`unexpected earlier conversation: ${JSON.stringify(item)}`);
    }
    return {
      id: item.id,
      state: item.state,
      category: typeof item.category === 'string' ? item.category : null,
      resolvedAt: typeof item.resolvedAt === 'string' ? new Date(item.resolvedAt) : null,
    };
  });

export const toClaimedTurn = (row: TurnContextRow): ClaimedTurn | null => {
  if (row.message_id === null) return null;
  return {
    messageId: row.message_id,
    attempt: row.attempts ?? 1,
    conversation: conversationFromJson(row.conversation),
    customer: customerFromJson(row.customer),
    transcript: transcriptOf(row.transcript),
    earlierConversations: earlierOf(row.earlier),
    current: row.current === true,
  };
};
