import { sql } from 'kysely';
import { DomainError } from '../../core/errors.ts';
import type { ConversationEvent } from '../../core/model.ts';
import type { EventRepository, NewEvent } from '../../core/ports/store.ts';
import { checkedEvent } from './checked-event.ts';
import type { Db } from './database.ts';
import { isUniqueViolation } from './database-errors.ts';
import { toEvent } from './mappers.ts';
import { readByIds } from './read-by-ids.ts';
import { isUuid } from './row-values.ts';

/**
 * Appends one event; shared by every repository that records a change together with its event.
 * The payload is checked first, so a malformed one fails the caller's transaction.
 */
export const insertEvent = async (
  db: Db,
  conversation: { readonly id: string; readonly workspaceId: string },
  unchecked: NewEvent,
): Promise<ConversationEvent> => {
  const event = checkedEvent(unchecked);
  const row = await db
    .insertInto('conversation_events')
    .values({
      conversation_id: conversation.id,
      workspace_id: conversation.workspaceId,
      type: event.type,
      actor: JSON.stringify(event.actor),
      data: JSON.stringify(event.data ?? {}),
      at: event.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toEvent(row);
};

export const eventRepository = (db: Db): EventRepository => ({
  async append(conversationId, event) {
    const conversation = isUuid(conversationId)
      ? await db
          .selectFrom('conversations')
          .select(['id', 'workspace_id'])
          .where('id', '=', conversationId)
          .executeTakeFirst()
      : undefined;
    if (conversation === undefined) {
      throw new DomainError('conversation_not_found', `No conversation with id ${conversationId}.`);
    }
    try {
      return await insertEvent(db, { id: conversation.id, workspaceId: conversation.workspace_id }, event);
    } catch (error) {
      if (isUniqueViolation(error))
        throw new DomainError(
          'conflict',
          `This ${event.type} event was already recorded for the conversation.`,
        );
      throw error;
    }
  },

  async list(conversationId) {
    if (!isUuid(conversationId)) return [];
    const rows = await db
      .selectFrom('conversation_events')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .orderBy('seq')
      .execute();
    return rows.map(toEvent);
  },

  async listOf(conversationIds) {
    const rows = await readByIds(conversationIds, (slice) =>
      db
        .selectFrom('conversation_events')
        .selectAll()
        .where(sql<boolean>`conversation_id = ANY(${slice}::uuid[])`)
        .orderBy('conversation_id')
        .orderBy('seq')
        .execute(),
    );
    const events = new Map<string, ConversationEvent[]>();
    for (const row of rows) {
      const list = events.get(row.conversation_id) ?? [];
      list.push(toEvent(row));
      events.set(row.conversation_id, list);
    }
    return events;
  },

  async listByType(workspaceId, types, since) {
    if (types.length === 0) return [];
    const rows = await db
      .selectFrom('conversation_events')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('type', 'in', types)
      .where('at', '>=', since)
      .orderBy('at')
      .orderBy('seq')
      .execute();
    return rows.map(toEvent);
  },
});
