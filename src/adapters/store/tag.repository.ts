/** Conversation tags in PostgreSQL (migration 0073). */
import { type ColumnType, sql } from 'kysely';
import { DomainError } from '../../core/errors.ts';
import type { TagChange, TagChangeInput, TagRepository } from '../../core/ports/tags.ts';
import { decideTagAdd, readTagName } from '../../core/tags/tag-name.ts';
import { atomically } from './atomically.ts';
import type { Db } from './database.ts';
import { insertEvent } from './event.repository.ts';
import { isUuid } from './row-values.ts';

type Timestamp = ColumnType<Date, Date | undefined, Date>;

export interface WorkspaceTagTable {
  workspace_id: string;
  name: string;
  colour: string | null;
  created_at: Timestamp;
}

export interface ConversationTagTable {
  conversation_id: string;
  workspace_id: string;
  name: string;
  added_by: string | null;
  added_at: Timestamp;
}

type Tables = { workspace_tags: WorkspaceTagTable; conversation_tags: ConversationTagTable };

const checkedName = (raw: string): string => {
  const reading = readTagName(raw);
  if (reading.kind === 'invalid') throw new DomainError('tag_invalid', reading.reason);
  return reading.name;
};

/**
 * Locks the conversation for the change and reads its tags. FOR NO KEY UPDATE, as every writer of
 * a conversation's events: it serialises with them without blocking the facts refresher's
 * foreign-key check (see customer-message.ts).
 */
const lockedTags = async (trx: Db, input: TagChangeInput): Promise<string[] | null> => {
  if (!isUuid(input.conversationId)) return null;
  const locked = await trx
    .selectFrom('conversations')
    .select('id')
    .where('id', '=', input.conversationId)
    .where('workspace_id', '=', input.workspaceId)
    .forNoKeyUpdate()
    .executeTakeFirst();
  return locked === undefined ? null : namesOf(trx, input.conversationId);
};

const namesOf = async (db: Db, conversationId: string): Promise<string[]> =>
  (
    await db
      .withTables<Tables>()
      .selectFrom('conversation_tags')
      .select('name')
      .where('conversation_id', '=', conversationId)
      .orderBy('name')
      .execute()
  ).map((row) => row.name);

const addTag = (db: Db, input: TagChangeInput): Promise<TagChange> =>
  atomically(db, async (trx) => {
    const name = checkedName(input.name);
    const current = await lockedTags(trx, input);
    if (current === null) return { kind: 'not_found' };
    const decision = decideTagAdd(current, name);
    if (decision.kind === 'unchanged') return { kind: 'unchanged', tags: current };
    if (decision.kind === 'too_many') return decision;
    const tables = trx.withTables<Tables>();
    await tables
      .insertInto('workspace_tags')
      .values({ workspace_id: input.workspaceId, name })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await tables
      .insertInto('conversation_tags')
      .values({
        conversation_id: input.conversationId,
        workspace_id: input.workspaceId,
        name,
        added_by: isUuid(input.agentId) ? input.agentId : null,
        ...(input.at ? { added_at: input.at } : {}),
      })
      .execute();
    await insertEvent(
      trx,
      { id: input.conversationId, workspaceId: input.workspaceId },
      tagEvent('tag_added', name, input),
    );
    return { kind: 'changed', tags: [...current, name].sort() };
  });

const removeTag = (db: Db, input: TagChangeInput): Promise<TagChange> =>
  atomically(db, async (trx) => {
    const name = checkedName(input.name);
    const current = await lockedTags(trx, input);
    if (current === null) return { kind: 'not_found' };
    if (!current.includes(name)) return { kind: 'unchanged', tags: current };
    await trx
      .withTables<Tables>()
      .deleteFrom('conversation_tags')
      .where('conversation_id', '=', input.conversationId)
      .where('name', '=', name)
      .execute();
    await insertEvent(
      trx,
      { id: input.conversationId, workspaceId: input.workspaceId },
      tagEvent('tag_removed', name, input),
    );
    return { kind: 'changed', tags: current.filter((tag) => tag !== name) };
  });

const tagEvent = (type: 'tag_added' | 'tag_removed', name: string, input: TagChangeInput) => ({
  type,
  actor: { kind: 'agent', id: input.agentId } as const,
  data: { name },
  ...(input.at ? { at: input.at } : {}),
});

export const tagRepository = (db: Db): TagRepository => ({
  async list(workspaceId) {
    const { rows } = await sql<{ name: string; colour: string | null; conversations: number }>`
      SELECT t.name, t.colour, count(ct.conversation_id)::int AS conversations
      FROM workspace_tags t
      LEFT JOIN conversation_tags ct ON ct.workspace_id = t.workspace_id AND ct.name = t.name
      WHERE t.workspace_id = ${workspaceId}::uuid
      GROUP BY t.name, t.colour
      ORDER BY t.name
    `.execute(db);
    return rows.map((row) => ({ name: row.name, colour: row.colour, conversations: row.conversations }));
  },

  async ofConversations(conversationIds) {
    const ids = conversationIds.filter(isUuid);
    const byConversation = new Map<string, string[]>();
    if (ids.length === 0) return byConversation;
    const rows = await db
      .withTables<Tables>()
      .selectFrom('conversation_tags')
      .select(['conversation_id', 'name'])
      .where('conversation_id', 'in', ids)
      .orderBy('name')
      .execute();
    for (const row of rows) {
      byConversation.set(row.conversation_id, [...(byConversation.get(row.conversation_id) ?? []), row.name]);
    }
    return byConversation;
  },

  add: (input) => addTag(db, input),
  remove: (input) => removeTag(db, input),
});
