/**
 * Live signals through PostgreSQL (SPEC §12: several Baton processes share one database, no
 * sticky state). The signals of one turn of the event loop go out as one NOTIFY of ids, never
 * whole conversations; every process LISTENs and hands them to its own live feed. A process's
 * own signals reach its feed at once, with what the writer handed over (live-bus.ts `written`),
 * and its own notifications, marked with its origin, are not handled a second time. One
 * publishing connection keeps the notifications in order.
 */
import { randomUUID } from 'node:crypto';
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
  /** The bus that published it (its own notifications are already delivered). */
  origin: z.string().optional(),
});
const payloadSchema = z.array(signalSchema);
type SentSignal = Omit<LiveSignal, 'written'> & { readonly origin?: string };

/** Packs signals into as few payloads as fit under the limit (a signal is ids only: ≈200 bytes). */
export const packSignals = (signals: readonly SentSignal[]): string[] => {
  const payloads: string[] = [];
  let batch: SentSignal[] = [];
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

/** The signals other buses sent; this bus's own are left out. */
const unpack = (payload: string | undefined, self: string): LiveSignal[] => {
  if (!payload) return [];
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(payload));
    if (!parsed.success) return [];
    return parsed.data.filter((sent) => sent.origin !== self).map(({ origin: _, ...signal }) => signal);
  } catch {
    return [];
  }
};

/** What goes out to other processes: ids and small fields only, never what was written. */
const toSent = ({ written: _, ...signal }: LiveSignal, origin: string): SentSignal => ({ ...signal, origin });

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
  const self = randomUUID();
  listener.on('notification', (message) => {
    if (message.channel !== CHANNEL) return;
    for (const signal of unpack(message.payload, self)) deliverTo(listeners, signal);
  });

  const publish = createSignalBatcher((signals) => {
    for (const signal of signals) deliverTo(listeners, signal);
    for (const payload of packSignals(signals.map((signal) => toSent(signal, self)))) {
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
