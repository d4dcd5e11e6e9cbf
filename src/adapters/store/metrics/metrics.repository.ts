/** The SPEC §9 report as SQL aggregates over `conversation_facts` (never a replay of events in JavaScript). */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { MetricsRepository } from '../../../core/ports/metrics.ts';
import type { Db } from '../database.ts';
import { toEvent } from '../mappers.ts';
import { derivedFactColumns, type FactsTables, toFactsRow } from './conversation-facts.table.ts';
import { refreshRollupDays, rollupDays } from './daily-rollup.sql.ts';
import {
  byCategoryQuery,
  countsQuery,
  factsCte,
  numberOrNull,
  percentileColumns,
  type Row,
  ratio,
  spreadsFromBuckets,
  timeBucketsQuery,
  toReport,
} from './metrics-report.sql.ts';
import { drillPage, seriesQuery, toSeriesPoint } from './metrics-series.sql.ts';

/**
 * Up to this many conversations in a window, the time percentiles are percentile_cont over the
 * rows (a sort of at most this many values each); above it, they come from the day histograms.
 */
const EXACT_PERCENTILES_UP_TO = 10_000;

/** Rows per INSERT: 34 parameters a row stays far below PostgreSQL's 65,535 bind parameters. */
const SAVE_BATCH = 500;

type StaleTables = FactsTables & {
  conversation_facts_stale: {
    conversation_id: string;
    workspace_id: string;
    marked_at: Date;
    taken_by: string | null;
    taken_at: Date | null;
  };
};

/**
 * The metrics repository over any Baton database handle (the tables are added by migrations 0030
 * and 0074). Windows of up to `exactPercentilesUpTo` conversations get exact time percentiles.
 */
export const metricsRepository = (
  store: Db,
  now: () => Date = () => new Date(),
  { exactPercentilesUpTo = EXACT_PERCENTILES_UP_TO }: { readonly exactPercentilesUpTo?: number } = {},
): MetricsRepository => {
  const db = store.withTables<StaleTables>();
  return {
    async saveFacts(workspaceId, facts) {
      for (let start = 0; start < facts.length; start += SAVE_BATCH) {
        const rows = facts.slice(start, start + SAVE_BATCH).map((row) => toFactsRow(workspaceId, row, now()));
        await db
          .insertInto('conversation_facts')
          .values(rows)
          .onConflict((conflict) =>
            conflict
              .column('conversation_id')
              .doUpdateSet((eb) => {
                const columns = Object.keys(rows[0] ?? {}).filter(
                  (column): column is keyof (typeof rows)[number] => column !== 'conversation_id',
                );
                return Object.fromEntries(columns.map((column) => [column, eb.ref(`excluded.${column}`)]));
              })
              // A row derived the same as before is left alone: rewriting it would mark its day for
              // the rollup to rebuild, and a refresh derives all of a customer's conversations.
              .where(
                sql<boolean>`(${sql.join(derivedFactColumns.map((c) => sql.ref(`conversation_facts.${c}`)))}) IS DISTINCT FROM (${sql.join(derivedFactColumns.map((c) => sql.ref(`excluded.${c}`)))})`,
              ),
          )
          .execute();
      }
    },

    async report(workspaceId, settings, filter = {}) {
      const [aggregate, buckets, categories] = await Promise.all([
        countsQuery(workspaceId, filter, settings.asOf).execute(db),
        timeBucketsQuery(workspaceId, filter, settings.asOf).execute(db),
        byCategoryQuery(workspaceId, filter, settings.asOf, settings.baselineHandleSeconds).execute(db),
      ]);
      const byCategory: Record<string, number | null> = {};
      for (const row of categories.rows) {
        if (row.category !== null) byCategory[row.category] = ratio(row.counts, row.of);
      }
      const timeSaved = numberOrNull(categories.rows[0]?.time_saved);
      const counted = aggregate.rows[0] ?? {};
      // Small windows get exact percentiles; above, the histograms' are within the stated bound.
      const times =
        Number(counted.conversations ?? 0) <= exactPercentilesUpTo
          ? ((
              await sql<Row>`WITH f AS (${factsCte(workspaceId, filter)}) SELECT ${sql.join(percentileColumns())} FROM f`.execute(
                db,
              )
            ).rows[0] ?? {})
          : spreadsFromBuckets(buckets.rows);
      return toReport({ ...counted, ...times }, settings, timeSaved, byCategory);
    },

    async series(workspaceId, settings, filter, by) {
      const days = rollupDays(filter, settings.asOf);
      const { rows } = await seriesQuery(workspaceId, filter, settings.asOf, by, days).execute(db);
      return rows.map(toSeriesPoint);
    },

    refreshDays(workspaceId) {
      return refreshRollupDays(store, workspaceId);
    },

    conversationsBehind(workspaceId, settings, filter, number, page) {
      return drillPage(store, factsCte(workspaceId, filter), { asOf: settings.asOf, ...number, ...page });
    },

    async takeStale(workspaceId, limit, leaseMs) {
      const token = randomUUID();
      const { rows } = await sql<{ conversation_id: string; customer_id: string }>`
        WITH picked AS (
          SELECT conversation_id, mark FROM conversation_facts_stale
          WHERE workspace_id = ${workspaceId}
            AND (taken_by IS NULL OR taken_at < now() - ${leaseMs}::integer * interval '1 millisecond')
          ORDER BY marked_at
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED
        ), taken AS (
          UPDATE conversation_facts_stale s SET taken_by = ${token}, taken_at = now()
          FROM picked
          WHERE s.conversation_id = picked.conversation_id AND s.mark = picked.mark
          RETURNING s.conversation_id
        )
        SELECT DISTINCT taken.conversation_id, c.customer_id
        FROM taken JOIN conversations c ON c.id = taken.conversation_id`.execute(db);
      return {
        token,
        conversationIds: rows.map((row) => row.conversation_id),
        customerIds: [...new Set(rows.map((row) => row.customer_id))],
      };
    },

    async clearStale(take) {
      if (take.conversationIds.length === 0) return;
      await sql`
        DELETE FROM conversation_facts_stale
        WHERE conversation_id = ANY(${take.conversationIds}::uuid[]) AND taken_by = ${take.token}`.execute(
        db,
      );
    },

    async releaseStale(take) {
      if (take.conversationIds.length === 0) return;
      // A conversation marked again since the take keeps that newer mark; the others get theirs back.
      await sql`
        WITH released AS (
          DELETE FROM conversation_facts_stale
          WHERE conversation_id = ANY(${take.conversationIds}::uuid[]) AND taken_by = ${take.token}
          RETURNING conversation_id, workspace_id, marked_at
        )
        INSERT INTO conversation_facts_stale (conversation_id, workspace_id, marked_at)
        SELECT conversation_id, workspace_id, marked_at FROM released
        ON CONFLICT (conversation_id) WHERE taken_by IS NULL DO NOTHING`.execute(db);
    },

    async eventsOfCustomers(workspaceId, customerIds) {
      if (customerIds.length === 0) return [];
      const rows = await store
        .selectFrom('conversation_events as e')
        .innerJoin('conversations as c', 'c.id', 'e.conversation_id')
        .selectAll('e')
        .where('c.workspace_id', '=', workspaceId)
        .where('c.customer_id', 'in', customerIds)
        .orderBy('e.conversation_id')
        .orderBy('e.seq')
        .execute();
      return rows.map(toEvent);
    },

    async conversationSpans(workspaceId, customerIds) {
      if (customerIds.length === 0) return [];
      const rows = await store
        .selectFrom('conversation_events as e')
        .innerJoin('conversations as c', 'c.id', 'e.conversation_id')
        .select(['e.conversation_id', 'c.customer_id'])
        .select((eb) => [eb.fn.min('e.at').as('first_at'), eb.fn.max('e.at').as('last_at')])
        .where('c.workspace_id', '=', workspaceId)
        .where('c.customer_id', 'in', customerIds)
        .groupBy(['e.conversation_id', 'c.customer_id'])
        .execute();
      return rows.map((row) => ({
        conversationId: row.conversation_id,
        customerId: row.customer_id,
        firstAt: new Date(row.first_at),
        lastAt: new Date(row.last_at),
      }));
    },

    async queueDepths(workspaceId) {
      const { rows } = await sql<Record<string, unknown>>`
        SELECT
          (SELECT count(*) FROM ai_jobs WHERE workspace_id = ${workspaceId} AND state = 'queued') AS ai_queued,
          (SELECT count(*) FROM ai_jobs WHERE workspace_id = ${workspaceId} AND state = 'running') AS ai_running,
          (SELECT count(*) FROM conversations WHERE workspace_id = ${workspaceId} AND state = 'queued') AS handoffs,
          (SELECT count(DISTINCT conversation_id) FROM conversation_facts_stale WHERE workspace_id = ${workspaceId}) AS stale`.execute(
        db,
      );
      const row = rows[0] ?? {};
      return {
        aiTurnsQueued: Number(row.ai_queued ?? 0),
        aiTurnsRunning: Number(row.ai_running ?? 0),
        handoffsWaiting: Number(row.handoffs ?? 0),
        factsStale: Number(row.stale ?? 0),
      };
    },

    async markAllStale(workspaceId) {
      // The writers' own form (migration 0075): a mark nobody took yet is enough.
      const result = await sql`
        INSERT INTO conversation_facts_stale (conversation_id, workspace_id)
        SELECT f.conversation_id, f.workspace_id FROM conversation_facts f WHERE f.workspace_id = ${workspaceId}
        ON CONFLICT (conversation_id) WHERE taken_by IS NULL DO NOTHING`.execute(db);
      return Number(result.numAffectedRows ?? 0);
    },

    async staleCount(workspaceId) {
      const row = await db
        .selectFrom('conversation_facts_stale')
        .select((eb) => eb.fn.count<string>('conversation_id').distinct().as('count'))
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirst();
      return Number(row?.count ?? 0);
    },
  };
};
