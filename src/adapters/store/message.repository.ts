import { sql } from 'kysely';
import { DomainError } from '../../core/errors.ts';
import type { Message } from '../../core/model.ts';
import type { MessageRepository } from '../../core/ports/store.ts';
import { atomically } from './atomically.ts';
import { appendCustomerMessage } from './customer-message.ts';
import type { Db } from './database.ts';
import { isForeignKeyViolation } from './database-errors.ts';
import { insertEvent } from './event.repository.ts';
import { toMessage } from './mappers.ts';
import { readByIds } from './read-by-ids.ts';
import { isUuid } from './row-values.ts';

const findByIdempotencyKey = async (db: Db, conversationId: string, key: string): Promise<Message | null> => {
  const row = await db
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  return row === undefined ? null : toMessage(row);
};

const notFound = (id: string) => new DomainError('conversation_not_found', `No conversation with id ${id}.`);

export const messageRepository = (db: Db): MessageRepository => ({
  append: (input, actor) =>
    atomically(db, async (trx) => {
      const { conversationId } = input;
      if (!isUuid(conversationId)) throw notFound(conversationId);
      const key = input.idempotencyKey ?? null;
      if (key !== null) {
        const earlier = await findByIdempotencyKey(trx, conversationId, key);
        if (earlier !== null) return { message: earlier, created: false };
      }
      let inserted: Message | undefined;
      try {
        // A concurrent retry with the same key that commits first makes this insert do nothing
        // (ON CONFLICT waits for it), and the lookup below then returns that first message.
        const row = await trx
          .insertInto('messages')
          .values({
            conversation_id: conversationId,
            author: input.author,
            author_id: input.authorId ?? null,
            kind: input.kind ?? 'message',
            body: input.body,
            citations: JSON.stringify(input.citations ?? []),
            idempotency_key: key,
            created_at: input.createdAt,
          })
          .onConflict((conflict) => conflict.columns(['conversation_id', 'idempotency_key']).doNothing())
          .returningAll()
          .executeTakeFirst();
        inserted = row === undefined ? undefined : toMessage(row);
      } catch (error) {
        if (isForeignKeyViolation(error)) throw notFound(conversationId);
        throw error;
      }
      if (inserted === undefined) {
        const first = key === null ? null : await findByIdempotencyKey(trx, conversationId, key);
        if (first === null) throw new Error('a message insert neither stored a row nor met an earlier one');
        return { message: first, created: false };
      }
      // now() is the transaction's start time, so the message, its event and the conversation's
      // timestamps are exactly equal (microseconds included) when no recorded time was given.
      const at =
        input.createdAt === undefined ? sql<Date>`now()` : sql<Date>`${input.createdAt}::timestamptz`;
      const conversation = await trx
        .updateTable('conversations')
        .set({
          updated_at: sql<Date>`greatest(updated_at, ${at})`,
          ...(inserted.kind === 'note'
            ? {}
            : { last_message_at: sql<Date>`greatest(last_message_at, ${at})` }),
        })
        .where('id', '=', conversationId)
        .returning(['id', 'workspace_id'])
        .executeTakeFirstOrThrow();
      await insertEvent(
        trx,
        { id: conversation.id, workspaceId: conversation.workspace_id },
        {
          type: 'message_added',
          actor,
          data: {
            messageId: inserted.id,
            author: inserted.author,
            authorId: inserted.authorId,
            kind: inserted.kind,
          },
          at: input.createdAt,
        },
      );
      return { message: inserted, created: true };
    }),

  appendCustomerMessage: (input) => appendCustomerMessage(db, input),

  async list(conversationId) {
    if (!isUuid(conversationId)) return [];
    const rows = await db
      .selectFrom('messages')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .orderBy('seq')
      .execute();
    return rows.map(toMessage);
  },

  async getByIds(ids) {
    const rows = await readByIds(ids, (slice) =>
      db.selectFrom('messages').selectAll().where(sql<boolean>`id = ANY(${slice}::uuid[])`).execute(),
    );
    return new Map(rows.map((row) => [row.id, toMessage(row)]));
  },

  async lastVisibleOf(conversationIds) {
    const ids = [...new Set(conversationIds.filter(isUuid))];
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('messages')
      .selectAll()
      .distinctOn('conversation_id')
      .where('conversation_id', 'in', ids)
      .where('kind', '<>', 'note')
      .orderBy('conversation_id')
      .orderBy('seq', 'desc')
      .execute();
    return new Map(rows.map((row) => [row.conversation_id, toMessage(row)]));
  },
});
