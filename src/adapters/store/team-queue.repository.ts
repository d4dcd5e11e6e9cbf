/** Team queues in SQL: their heads for fair assignment, and aggregates for wait estimates. */
import { type Selectable, type SelectQueryBuilder, sql } from 'kysely';
import type { TeamQueueRepository } from '../../core/ports/store.ts';
import type { ConversationTable, Database, Db } from './database.ts';
import { toConversation } from './mappers.ts';
import { isRecord, numberOf } from './row-values.ts';

/** How many of the workspace's conversations the query keeps each team has (teams with none absent). */
const countsByTeam = async (
  conversations: SelectQueryBuilder<Database, 'conversations', object>,
  workspaceId: string,
): Promise<ReadonlyMap<string, number>> => {
  const rows = await conversations
    .select(['team_key', (eb) => eb.fn.countAll().as('count')])
    .where('workspace_id', '=', workspaceId)
    .where('team_key', 'is not', null)
    .groupBy('team_key')
    .execute();
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (row.team_key !== null) counts.set(row.team_key, numberOf(row.count, 'conversation count'));
  }
  return counts;
};

/** An arbitrary constant naming Baton's assignment lock among advisory locks (with the workspace). */
const ASSIGNMENT_LOCK_CLASS = 7_204_611;

interface StatsRow {
  readonly waiting: unknown;
  readonly agents: unknown;
  readonly samples: unknown;
  readonly median: unknown;
}

const agentsOf = (value: unknown) =>
  (Array.isArray(value) ? value : []).map((item: unknown) => {
    if (!isRecord(item)) throw new Error(`unexpected agent load: ${JSON.stringify(item)}`);
    return { capacity: numberOf(item.capacity, 'capacity'), open: numberOf(item.open, 'open count') };
  });

export const teamQueueRepository = (db: Db): TeamQueueRepository => ({
  async lock(workspaceId) {
    // Transaction-scoped: released at commit or rollback, never left behind by a dead process.
    await sql`SELECT pg_advisory_xact_lock(${ASSIGNMENT_LOCK_CLASS}::integer, hashtext(${workspaceId}::text))`.execute(
      db,
    );
  },

  async heads(workspaceId, teamKeys, returningSince) {
    if (teamKeys.length === 0) return [];
    // Held conversations (snoozed, waiting on the customer) are not handed to anyone until they return.
    // The heads first (one per team), then for each head only: who last resolved its customer.
    const { rows } = await sql<Selectable<ConversationTable> & { returning_agent_id: string | null }>`
      SELECT h.*, (
        SELECT ev.actor->>'id' FROM conversations o
        JOIN conversation_events ev ON ev.conversation_id = o.id
        WHERE o.customer_id = h.customer_id AND o.workspace_id = h.workspace_id
          AND ev.type = 'resolved' AND ev.actor->>'kind' = 'agent' AND ev.at >= ${returningSince}
        ORDER BY ev.at DESC, ev.seq DESC
        LIMIT 1
      ) AS returning_agent_id
      FROM (
        SELECT DISTINCT ON (c.team_key) c.* FROM conversations c
        WHERE c.workspace_id = ${workspaceId} AND c.state = 'queued' AND c.team_key IN (${sql.join(teamKeys)})
          AND c.snoozed_until IS NULL AND NOT c.waiting_on_customer
        ORDER BY c.team_key, c.priority DESC, coalesce(c.queued_at, c.created_at), c.id
      ) h`.execute(db);
    return rows.map(({ returning_agent_id, ...row }) => ({
      ...toConversation(row),
      returningAgentId: returning_agent_id,
    }));
  },

  openByTeam: (workspaceId) =>
    countsByTeam(
      db.selectFrom('conversations').where('state', 'in', ['ai', 'queued', 'assigned']),
      workspaceId,
    ),

  waitingByTeam: (workspaceId) =>
    countsByTeam(
      db
        .selectFrom('conversations')
        .where('state', '=', 'queued')
        // A held conversation waits for its time or its customer, not for a person.
        .where('snoozed_until', 'is', null)
        .where('waiting_on_customer', '=', false),
      workspaceId,
    ),

  // Handle time as in core/conversation/handle-time.ts: a conversation's first pick-up in the
  // window to the first resolution by a person after it, for the team the pick-up named.
  async stats(workspaceId, teamKey, since, priority) {
    const { rows } = await sql<StatsRow>`
      WITH picked AS (
        SELECT DISTINCT ON (e.conversation_id) e.conversation_id, e.at, e.seq, e.data->>'teamKey' AS team_key
        FROM conversation_events e
        WHERE e.workspace_id = ${workspaceId} AND e.type = 'assigned' AND e.at >= ${since}
        ORDER BY e.conversation_id, e.at, e.seq
      ), handled AS (
        SELECT extract(epoch FROM (
          SELECT min(r.at) FROM conversation_events r
          WHERE r.conversation_id = p.conversation_id AND r.type = 'resolved'
            AND r.data->>'resolution' = 'human' AND r.at >= p.at AND r.seq > p.seq
        ) - p.at) / 60.0 AS minutes
        FROM picked p
        WHERE p.team_key = ${teamKey}
      )
      SELECT
        (SELECT count(*) FROM conversations c
          WHERE c.workspace_id = ${workspaceId} AND c.state = 'queued' AND c.team_key = ${teamKey}
            AND c.priority >= coalesce(${priority ?? null}::integer, c.priority)) AS waiting,
        (SELECT coalesce(jsonb_agg(jsonb_build_object('capacity', a.capacity, 'open', (
            SELECT count(*) FROM conversations c WHERE c.assignee_id = a.id AND c.state IN ('queued', 'assigned')
          ))), '[]'::jsonb)
          FROM agents a
          WHERE a.workspace_id = ${workspaceId} AND a.status = 'available' AND ${teamKey}::text = ANY (a.team_keys)) AS agents,
        (SELECT count(*) FROM handled WHERE minutes IS NOT NULL) AS samples,
        (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes) FROM handled WHERE minutes IS NOT NULL) AS median
    `.execute(db);
    const row = rows[0];
    if (!row) throw new Error('the queue statistics returned no row');
    return {
      waiting: numberOf(row.waiting, 'waiting count'),
      agentsOnShift: agentsOf(row.agents),
      handleMinutes: {
        samples: numberOf(row.samples, 'handle-time samples'),
        median: row.median === null ? null : numberOf(row.median, 'median handle time'),
      },
    };
  },
});
