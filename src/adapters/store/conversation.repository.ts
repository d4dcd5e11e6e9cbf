import { sql } from 'kysely';
import type { ConversationHold } from '../../core/conversation/hold.ts';
import type { ConversationState } from '../../core/conversation/lifecycle.ts';
import { DomainError } from '../../core/errors.ts';
import type {
  ConversationChange,
  ConversationRepository,
  ExpectedConversation,
  LiveConversationView,
} from '../../core/ports/store.ts';
import { atomically } from './atomically.ts';
import { filteredConversations, inListOrder } from './conversation-filters.ts';
import { conversationKeys, countConversations, pageOfConversations } from './conversation-pages.ts';
import type { Db } from './database.ts';
import { isForeignKeyViolation } from './database-errors.ts';
import { insertEvent } from './event.repository.ts';
import { conversationFromJson, customerFromJson, messageFromJson, optional } from './json-rows.ts';
import { toConversation } from './mappers.ts';
import { listQuietAi } from './quiet-conversations.ts';
import { readByIds } from './read-by-ids.ts';
import { isRecord, isUuid, numberOf } from './row-values.ts';

const DEFAULT_LIST_LIMIT = 100;
const MAX_LIST_LIMIT = 1000;

/** Only the fields the change names; `undefined` leaves a column as it is. */
const holdColumns = (hold: ConversationHold | null) => ({
  snoozed_until: hold?.kind === 'snoozed' ? hold.until : null,
  waiting_on_customer: hold?.kind === 'waiting_on_customer',
});

const columnsFor = (change: ConversationChange, at: Date | undefined) => ({
  ...(change.state === undefined ? {} : { state: change.state }),
  ...(change.teamKey === undefined ? {} : { team_key: change.teamKey }),
  ...(change.assigneeId === undefined ? {} : { assignee_id: change.assigneeId }),
  ...(change.category === undefined ? {} : { category: change.category }),
  ...(change.priority === undefined ? {} : { priority: change.priority }),
  ...(change.resolution === undefined ? {} : { resolution: change.resolution }),
  ...(change.hold === undefined ? {} : holdColumns(change.hold)),
  // The queue's order among equal priorities is the time a conversation joined it.
  ...(change.state === 'queued' ? { queued_at: at ?? sql<Date>`now()` } : {}),
  updated_at: at ?? sql<Date>`now()`,
  // The version counts changes of state or holder, the ones compare-and-set actions guard against.
  ...(change.state === undefined && change.assigneeId === undefined && change.teamKey === undefined
    ? {}
    : { version: sql<number>`version + 1` }),
});

const expectationOf = (expected: ConversationState | ExpectedConversation): ExpectedConversation =>
  typeof expected === 'string' ? { state: expected } : expected;

const notFound = (id: string) => new DomainError('conversation_not_found', `No conversation with id ${id}.`);

interface LiveViewRow {
  readonly conversation: unknown;
  readonly customer: unknown;
  readonly assignee_name: string | null;
  readonly messages: unknown;
}

const liveViewOf = (row: LiveViewRow): LiveConversationView => {
  if (!Array.isArray(row.messages)) throw new Error('unexpected messages in a live view row');
  return {
    conversation: conversationFromJson(row.conversation),
    customer: optional(row.customer, customerFromJson),
    assigneeName: row.assignee_name,
    messages: row.messages.map((entry: unknown) => {
      if (!isRecord(entry)) throw new Error('unexpected message entry in a live view row');
      const { authorName } = entry;
      return {
        message: messageFromJson(entry.message),
        authorName: typeof authorName === 'string' ? authorName : null,
      };
    }),
  };
};

export const conversationRepository = (db: Db): ConversationRepository => ({
  create: ({ workspaceId, customerId, subject }, event) =>
    atomically(db, async (trx) => {
      try {
        const row = await trx
          .insertInto('conversations')
          .values({
            workspace_id: workspaceId,
            customer_id: customerId,
            state: 'ai',
            subject: subject ?? null,
            created_at: event.at,
            updated_at: event.at,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await insertEvent(trx, { id: row.id, workspaceId }, event);
        return toConversation(row);
      } catch (error) {
        if (isForeignKeyViolation(error)) {
          throw new DomainError(
            'not_found',
            'The workspace or the customer of this conversation does not exist.',
          );
        }
        throw error;
      }
    }),

  async getById(id) {
    if (!isUuid(id)) return null;
    const row = await db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? null : toConversation(row);
  },

  async list(workspaceId, filter) {
    const query = filteredConversations(db, workspaceId, filter);
    if (query === null) return [];
    const limit = Math.min(Math.max(filter.limit ?? DEFAULT_LIST_LIMIT, 0), MAX_LIST_LIMIT);
    const rows = await inListOrder(query, filter.orderBy).selectAll().limit(limit).execute();
    return rows.map(toConversation);
  },

  page: (workspaceId, filter, page) => pageOfConversations(db, workspaceId, filter, page),

  count: (workspaceId, filter, cap) => countConversations(db, workspaceId, filter, cap),

  keys: (workspaceId, filter, limit) => conversationKeys(db, workspaceId, filter, limit),

  applyChange: (id, expectedState, change, event) =>
    atomically(db, async (trx) => {
      if (!isUuid(id)) throw notFound(id);
      const expected = expectationOf(expectedState);
      const events = Array.isArray(event) ? event : [event];
      // The conditions make this a compare-and-set: a concurrent change that commits first leaves
      // this UPDATE matching no row (PostgreSQL re-checks the WHERE on the row after its lock).
      let update = trx
        .updateTable('conversations')
        .set(columnsFor(change, events[0]?.at))
        .where('id', '=', id)
        .where('state', '=', expected.state);
      if (expected.version !== undefined) update = update.where('version', '=', expected.version);
      if (expected.assigneeId !== undefined) {
        update =
          expected.assigneeId === null
            ? update.where('assignee_id', 'is', null)
            : update.where('assignee_id', '=', expected.assigneeId);
      }
      const row = await update.returningAll().executeTakeFirst();
      if (row === undefined) {
        const exists = await trx
          .selectFrom('conversations')
          .select('id')
          .where('id', '=', id)
          .executeTakeFirst();
        if (exists === undefined) throw notFound(id);
        return null;
      }
      for (const each of events) {
        await insertEvent(trx, { id: row.id, workspaceId: row.workspace_id }, each);
      }
      return toConversation(row);
    }),

  endDueSnoozes: (workspaceId, now) =>
    atomically(db, async (trx) => {
      // PostgreSQL re-checks the WHERE on each row after its lock: a row another process woke
      // first no longer matches, so each snooze ends once.
      const rows = await trx
        .updateTable('conversations')
        .set({ snoozed_until: null })
        .where('workspace_id', '=', workspaceId)
        .where('snoozed_until', '<=', now)
        .returningAll()
        .execute();
      for (const row of rows) {
        await insertEvent(
          trx,
          { id: row.id, workspaceId: row.workspace_id },
          {
            type: 'hold_ended',
            actor: { kind: 'system' },
            data: { kind: 'snoozed', reason: 'snooze_over' },
            at: now,
          },
        );
      }
      return rows.map(toConversation);
    }),

  listQuietAi: (workspaceId, page) => listQuietAi(db, workspaceId, page),

  async getByIds(ids) {
    const rows = await readByIds(ids, (slice) =>
      db.selectFrom('conversations').selectAll().where(sql<boolean>`id = ANY(${slice}::uuid[])`).execute(),
    );
    return new Map(rows.map((row) => [row.id, toConversation(row)]));
  },

  async getForUpdate(id) {
    if (!isUuid(id)) return null;
    const row = await db
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', id)
      // Excludes other writers but not foreign-key checks (see customer-message.ts).
      .forNoKeyUpdate()
      .executeTakeFirst();
    return row === undefined ? null : toConversation(row);
  },

  async countOpenByAssignee(workspaceId) {
    const rows = await db
      .selectFrom('conversations')
      .select(['assignee_id', (eb) => eb.fn.countAll().as('open')])
      .where('workspace_id', '=', workspaceId)
      .where('state', 'in', ['queued', 'assigned'])
      .where('assignee_id', 'is not', null)
      .groupBy('assignee_id')
      .execute();
    const counts = new Map<string, number>();
    for (const row of rows) {
      if (row.assignee_id !== null) counts.set(row.assignee_id, numberOf(row.open, 'open count'));
    }
    return counts;
  },

  // One statement instead of four (conversation, customer, assignee, messages): the live feed
  // runs it for every change a watched conversation goes through (issue 9).
  async getLiveView(id) {
    if (!isUuid(id)) return null;
    const { rows } = await sql<LiveViewRow>`
      SELECT to_jsonb(c) AS conversation, to_jsonb(cu) AS customer, a.name AS assignee_name,
        (SELECT coalesce(jsonb_agg(jsonb_build_object('message', to_jsonb(m), 'authorName', ma.name) ORDER BY m.seq), '[]'::jsonb)
          FROM messages m
          LEFT JOIN agents ma ON m.author = 'agent' AND ma.id::text = m.author_id
          WHERE m.conversation_id = c.id) AS messages
      FROM conversations c
      LEFT JOIN customers cu ON cu.id = c.customer_id
      LEFT JOIN agents a ON a.id = c.assignee_id
      WHERE c.id = ${id}`.execute(db);
    const row = rows[0];
    return row === undefined ? null : liveViewOf(row);
  },
});
