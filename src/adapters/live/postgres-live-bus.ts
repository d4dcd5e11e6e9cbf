/**
 * Live updates through PostgreSQL (SPEC §12: several Baton processes share one database, no
 * sticky state): `publish` sends NOTIFY on one channel; every process LISTENs and delivers to its
 * own WebSocket subscribers. A process hears its own notifications too, so there is one path.
 * PostgreSQL caps a payload near 8 kB: a larger update is replaced by a `resync` hint that makes
 * clients reload what they show.
 */
import pg from 'pg';
import type { LiveUpdate } from '../../api/schemas.ts';
import type { LiveBus, LiveListener } from '../../app/live-bus.ts';

const CHANNEL = 'baton_live';
const MAX_PAYLOAD_BYTES = 7900;

interface Envelope {
  readonly topic: string;
  readonly update: LiveUpdate;
}

const isEnvelope = (value: unknown): value is Envelope =>
  typeof value === 'object' &&
  value !== null &&
  'topic' in value &&
  'update' in value &&
  typeof value.topic === 'string';

export interface PostgresLiveBus extends LiveBus {
  close(): Promise<void>;
}

export const createPostgresLiveBus = async (
  databaseUrl: string,
  reportError: (error: unknown, context: Record<string, unknown>) => void,
): Promise<PostgresLiveBus> => {
  const listeners = new Map<string, Set<LiveListener>>();
  const listener = new pg.Client({ connectionString: databaseUrl });
  const publisher = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  publisher.on('error', () => {});
  listener.on('error', (error) => reportError(error, { during: 'live_listen' }));
  await listener.connect();
  await listener.query(`LISTEN ${CHANNEL}`);
  listener.on('notification', (message) => {
    if (message.channel !== CHANNEL || !message.payload) return;
    let envelope: unknown;
    try {
      envelope = JSON.parse(message.payload);
    } catch {
      return;
    }
    if (!isEnvelope(envelope)) return;
    for (const deliver of listeners.get(envelope.topic) ?? []) {
      try {
        deliver(envelope.update);
      } catch {
        // A broken subscriber (a closed socket) must not stop delivery to the others.
      }
    }
  });

  const encode = (topic: string, update: LiveUpdate): string => {
    const full = JSON.stringify({ topic, update });
    if (Buffer.byteLength(full) <= MAX_PAYLOAD_BYTES) return full;
    const conversationId = update.type === 'conversation' ? update.conversation.id : update.conversationId;
    return JSON.stringify({ topic, update: { type: 'resync', conversationId } });
  };

  return {
    publish(topic, update) {
      publisher
        .query('SELECT pg_notify($1, $2)', [CHANNEL, encode(topic, update)])
        .catch((error: unknown) => reportError(error, { during: 'live_publish', topic }));
    },
    subscribe(topic, deliver) {
      const set = listeners.get(topic) ?? new Set<LiveListener>();
      set.add(deliver);
      listeners.set(topic, set);
      return () => {
        set.delete(deliver);
        if (set.size === 0) listeners.delete(topic);
      };
    },
    async close() {
      await listener.end();
      await publisher.end();
    },
  };
};
