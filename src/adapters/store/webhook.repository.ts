/**
 * Outbound webhooks in PostgreSQL (issue 12). Deliveries are queued by a trigger on the event log
 * (migration 0025) in the event's own transaction; senders lease them with FOR UPDATE SKIP LOCKED,
 * so two Baton processes never send the same attempt, and a dead sender's lease runs out and the
 * delivery is taken over.
 */
import { sql } from 'kysely';
import type {
  ClaimedDelivery,
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryState,
  WebhookEndpoint,
  WebhookRepository,
} from '../../core/ports/webhooks.ts';
import type { Db } from './database.ts';
import { deleteFinishedRows, type FinishedRows } from './finished-rows.ts';
import { isUuid, oneOf, recordOf } from './row-values.ts';

const states: readonly WebhookDeliveryState[] = ['queued', 'running', 'delivered', 'failed'];

interface EndpointRow {
  readonly id: string;
  readonly workspace_id: string;
  readonly url: string;
  readonly event_types: string[];
  readonly description: string | null;
  readonly enabled: boolean;
  readonly created_by: string | null;
  readonly created_at: Date;
}

const endpointColumns = [
  'id',
  'workspace_id',
  'url',
  'event_types',
  'description',
  'enabled',
  'created_by',
  'created_at',
] as const;

const toEndpoint = (row: EndpointRow): WebhookEndpoint => ({
  id: row.id,
  workspaceId: row.workspace_id,
  url: row.url,
  eventTypes: row.event_types,
  description: row.description,
  enabled: row.enabled,
  createdBy: row.created_by,
  createdAt: row.created_at,
});

interface DeliveryRow {
  readonly id: string;
  readonly endpoint_id: string;
  readonly event_id: string | null;
  readonly event_type: string;
  readonly state: string;
  readonly attempts: number;
  readonly run_after: Date;
  readonly last_status: number | null;
  readonly last_error: string | null;
  readonly created_at: Date;
  readonly finished_at: Date | null;
}

const deliveryColumns = [
  'id',
  'endpoint_id',
  'event_id',
  'event_type',
  'state',
  'attempts',
  'run_after',
  'last_status',
  'last_error',
  'created_at',
  'finished_at',
] as const;

const toDelivery = (row: DeliveryRow, log: readonly WebhookAttempt[]): WebhookDelivery => {
  const state = oneOf(states, row.state, 'webhook delivery state');
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    eventType: row.event_type,
    state,
    attempts: row.attempts,
    nextAttemptAt: state === 'queued' ? row.run_after : null,
    lastStatus: row.last_status,
    lastError: row.last_error,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    log,
  };
};

/** The deliveries with their attempts, read in one more query. */
const withAttempts = async (db: Db, rows: readonly DeliveryRow[]): Promise<WebhookDelivery[]> => {
  if (rows.length === 0) return [];
  const attempts = await db
    .selectFrom('webhook_attempts')
    .selectAll()
    .where(
      'delivery_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('attempt')
    .execute();
  return rows.map((row) =>
    toDelivery(
      row,
      attempts
        .filter((attempt) => attempt.delivery_id === row.id)
        .map((attempt) => ({
          attempt: attempt.attempt,
          startedAt: attempt.started_at,
          statusCode: attempt.status_code,
          latencyMs: attempt.latency_ms,
          error: attempt.error,
          nextAttemptAt: attempt.next_attempt_at,
        })),
    ),
  );
};

interface ClaimRow {
  readonly id: string;
  readonly attempts: number;
  readonly event_id: string | null;
  readonly event_type: string;
  readonly body: string;
  readonly url: string;
  readonly secret: unknown;
}

/** A delivery is finished once delivered or failed (a failed one may still be retried by hand). */
const finishedDeliveries: FinishedRows = {
  table: 'webhook_deliveries',
  key: 'id',
  finished: ['delivered', 'failed'],
};

export const webhookRepository = (db: Db): WebhookRepository => {
  const getDelivery = async (workspaceId: string, deliveryId: string): Promise<WebhookDelivery | null> => {
    if (!isUuid(deliveryId)) return null;
    const row = await db
      .selectFrom('webhook_deliveries')
      .select(deliveryColumns)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', deliveryId)
      .executeTakeFirst();
    if (row === undefined) return null;
    const [delivery] = await withAttempts(db, [row]);
    return delivery ?? null;
  };

  return {
    async createEndpoint(input) {
      const row = await db
        .insertInto('webhook_endpoints')
        .values({
          workspace_id: input.workspaceId,
          url: input.url,
          event_types: input.eventTypes,
          description: input.description,
          secret: JSON.stringify(input.secret),
          created_by: input.createdBy,
        })
        .returning(endpointColumns)
        .executeTakeFirstOrThrow();
      return toEndpoint(row);
    },

    async listEndpoints(workspaceId) {
      const rows = await db
        .selectFrom('webhook_endpoints')
        .select(endpointColumns)
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toEndpoint);
    },

    async setEnabled(workspaceId, endpointId, enabled) {
      if (!isUuid(endpointId)) return null;
      const row = await db
        .updateTable('webhook_endpoints')
        .set({ enabled })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', endpointId)
        .returning(endpointColumns)
        .executeTakeFirst();
      return row === undefined ? null : toEndpoint(row);
    },

    async deleteEndpoint(workspaceId, endpointId) {
      if (!isUuid(endpointId)) return false;
      const row = await db
        .deleteFrom('webhook_endpoints')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', endpointId)
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },

    async enqueue(workspaceId, endpointId, delivery) {
      if (!isUuid(endpointId)) return null;
      const row = await db
        .insertInto('webhook_deliveries')
        .columns(['endpoint_id', 'workspace_id', 'event_type', 'body'])
        .expression((eb) =>
          eb
            .selectFrom('webhook_endpoints')
            .select([
              'id',
              'workspace_id',
              sql.val(delivery.eventType).as('event_type'),
              sql.val(delivery.body).as('body'),
            ])
            .where('workspace_id', '=', workspaceId)
            .where('id', '=', endpointId),
        )
        .returning('id')
        .executeTakeFirst();
      return row === undefined ? null : getDelivery(workspaceId, row.id);
    },

    async claim({ workspaceId, owner, limit, leaseMs }) {
      const { rows } = await sql<ClaimRow>`
        WITH ready AS (
          SELECT d.id FROM webhook_deliveries d
          JOIN webhook_endpoints w ON w.id = d.endpoint_id
          WHERE d.workspace_id = ${workspaceId} AND w.enabled
            AND ((d.state = 'queued' AND d.run_after <= now()) OR (d.state = 'running' AND d.lease_until < now()))
          ORDER BY d.run_after, d.seq
          LIMIT ${limit}::integer
          FOR UPDATE OF d SKIP LOCKED
        ), claimed AS (
          UPDATE webhook_deliveries d SET state = 'running', attempts = d.attempts + 1, lease_owner = ${owner},
            lease_until = now() + ${leaseMs}::integer * interval '1 millisecond'
          FROM ready
          WHERE d.id = ready.id
          RETURNING d.id, d.attempts, d.event_id, d.event_type, d.body, d.endpoint_id, d.seq
        )
        SELECT c.id, c.attempts, c.event_id, c.event_type, c.body, w.url, w.secret
        FROM claimed c JOIN webhook_endpoints w ON w.id = c.endpoint_id
        ORDER BY c.seq
      `.execute(db);
      return rows.map(
        (row): ClaimedDelivery => ({
          id: row.id,
          attempt: row.attempts,
          eventId: row.event_id,
          eventType: row.event_type,
          body: row.body,
          url: row.url,
          secret: recordOf(row.secret, 'webhook secret'),
        }),
      );
    },

    async finishAttempt(record) {
      if (!isUuid(record.deliveryId)) return false;
      const { next } = record;
      const retryInMs = next.state === 'queued' ? next.retryInMs : 0;
      const { rows } = await sql<{ delivery_id: string }>`
        WITH moved AS (
          UPDATE webhook_deliveries SET
            state = ${next.state}::text,
            run_after = CASE WHEN ${next.state}::text = 'queued'
              THEN now() + ${retryInMs}::integer * interval '1 millisecond' ELSE run_after END,
            finished_at = CASE WHEN ${next.state}::text = 'queued' THEN NULL ELSE now() END,
            lease_owner = NULL, lease_until = NULL,
            last_status = ${record.statusCode}::integer, last_error = ${record.error}::text
          WHERE id = ${record.deliveryId} AND state = 'running' AND lease_owner = ${record.owner}
            AND attempts = ${record.attempt}::integer
          RETURNING id, state, run_after
        )
        INSERT INTO webhook_attempts (delivery_id, attempt, started_at, status_code, latency_ms, error, next_attempt_at)
        SELECT id, ${record.attempt}::integer, ${record.startedAt}::timestamptz, ${record.statusCode}::integer,
          ${Math.round(record.latencyMs)}::integer, ${record.error}::text,
          CASE WHEN state = 'queued' THEN run_after END
        FROM moved
        RETURNING delivery_id
      `.execute(db);
      return rows.length > 0;
    },

    async listDeliveries(workspaceId, filter) {
      if (filter.endpointId !== undefined && !isUuid(filter.endpointId)) return [];
      let query = db
        .selectFrom('webhook_deliveries')
        .select(deliveryColumns)
        .where('workspace_id', '=', workspaceId)
        .orderBy('seq', 'desc')
        .limit(filter.limit);
      if (filter.endpointId !== undefined) query = query.where('endpoint_id', '=', filter.endpointId);
      return withAttempts(db, await query.execute());
    },

    getDelivery,

    async retryNow(workspaceId, deliveryId) {
      if (!isUuid(deliveryId)) return null;
      const row = await db
        .updateTable('webhook_deliveries')
        .set({ state: 'queued', run_after: sql<Date>`now()`, finished_at: null })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', deliveryId)
        .where('state', 'in', ['queued', 'failed'])
        .returning('id')
        .executeTakeFirst();
      return row === undefined ? null : getDelivery(workspaceId, row.id);
    },

    pruneFinished: (workspaceId, before, limit) =>
      deleteFinishedRows(db, finishedDeliveries, workspaceId, before, limit),
  };
};
