/**
 * Live signals through PostgreSQL (SPEC §12: several Baton processes share one database, no
 * sticky state). The signals of one turn of the event loop go out as one NOTIFY of ids, never
 * whole conversations; every process LISTENs and hands them to its own live feed. A process hears
 * its own notifications too, so there is one path. One publishing connection keeps them in order.
 */
import pg from 'pg';
import { z } from 'zod';
import {
  createSignalBatcher,
  deliverTo,
  type LiveBus,
  type LiveSignal,
  type LiveSignalListener,
} from '../../app/live-bus.ts';

const CHANNEL = 'baton_live';
/** PostgreSQL refuses payloads of 8000 bytes or more; a larger batch goes out in several notifications. */
const MAX_PAYLOAD_BYTES = 7900;

const signalSchema = z.object({
  workspaceId: z.string(),
  conversationId: z.string(),
  messageIds: z.array(z.string()),
  conversationChanged: z.boolean(),
  typing: z.enum(['ai', 'agent']).nullable(),
  draftDelta: z.string().optional(),
  presence: z
    .object({
      agentId: z.string(),
      agentName: z.string(),
      activity: z.enum(['viewing', 'typing', 'left']),
      teamKey: z.string().nullable(),
    })
    .optional(),
});
const payloadSchema = z.array(signalSchema);

/** Packs signals into as few payloads as fit under the limit (a signal is ids only: ≈200 bytes). */
export const packSignals = (signals: readonly LiveSignal[]): string[] => {
  const payloads: string[] = [];
  let batch: LiveSignal[] = [];
  for (const signal of signals) {
    const candidate = JSON.stringify([...batch, signal]);
    if (batch.length > 0 && Buffer.byteLength(candidate) > MAX_PAYLOAD_BYTES) {
      payloads.push(JSON.stringify(batch));
      batch = [signal];
    } else {
      batch.push(signal);
    }
  }
  if (batch.length > 0) payloads.push(JSON.stringify(batch));
  return payloads;
};

const unpack = (payload: string | undefined): LiveSignal[] => {
  if (!payload) return [];
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
};

export interface PostgresLiveBus extends LiveBus {
  close(): Promise<void>;
}

export const createPostgresLiveBus = async (
  databaseUrl: string,
  reportError: (error: unknown, context: Record<string, unknown>) => void,
): Promise<PostgresLiveBus> => {
  const listeners = new Set<LiveSignalListener>();
  const listener = new pg.Client({ connectionString: databaseUrl });
  // One connection: notifications go out in the order they were published.
  const publisher = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  publisher.on('error', () => {});
  listener.on('error', (error) => reportError(error, { during: 'live_listen' }));
  await listener.connect();
  await listener.query(`LISTEN ${CHANNEL}`);
  listener.on('notification', (message) => {
    if (message.channel !== CHANNEL) return;
    for (const signal of unpack(message.payload)) deliverTo(listeners, signal);
  });

  const publish = createSignalBatcher((signals) => {
    for (const payload of packSignals(signals)) {
      publisher
        .query('SELECT pg_notify($1, $2)', [CHANNEL, payload])
        .catch((error: unknown) => reportError(error, { during: 'live_publish' }));
    }
  });

  return {
    publish,
    subscribe(deliver) {
      listeners.add(deliver);
      return () => {
        listeners.delete(deliver);
      };
    },
    async close() {
      await listener.end();
      await publisher.end();
    },
  };
};
