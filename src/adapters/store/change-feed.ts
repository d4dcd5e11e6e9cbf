/**
 * The change feed: hears the notices migration 0070's triggers send at commit on `baton_changes`.
 * On a PostgreSQL server one LISTEN connection per process hears every process's writes; embedded
 * PGlite is one process, so its own in-process `listen` hears everything. Either connects on the
 * first subscription only, so a CLI command or a test that never listens opens nothing extra.
 */
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { z } from 'zod';
import type { ChangeFeed, WorkspaceChange } from '../../core/ports/store.ts';

export const CHANGE_CHANNEL = 'baton_changes';

const noticeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('policy'), workspaceId: z.string() }),
  z.object({ kind: z.literal('setting'), workspaceId: z.string(), key: z.string() }),
  z.object({ kind: z.literal('knowledge'), workspaceId: z.string() }),
  z.object({ kind: z.literal('category_confirmed'), workspaceId: z.string(), conversationId: z.string() }),
]);

/** A notice's payload as a change, or null for anything else on the channel. */
export const parseChangeNotice = (payload: string | undefined): WorkspaceChange | null => {
  if (!payload) return null;
  try {
    const parsed = noticeSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

type Listener = (change: WorkspaceChange) => void;

/** Fans one stream of changes out to subscribers; a throwing subscriber does not stop the others. */
const createFanOut = () => {
  const listeners = new Set<Listener>();
  return {
    listeners,
    deliver(change: WorkspaceChange) {
      for (const listener of [...listeners]) {
        try {
          listener(change);
        } catch {
          // A subscriber's failure is its own; the others still hear the change.
        }
      }
    },
  };
};

export interface ClosableChangeFeed extends ChangeFeed {
  close(): Promise<void>;
}

/** Embedded PGlite: its own `listen` is the in-process bus. */
export const embeddedChangeFeed = (pglite: PGlite): ClosableChangeFeed => {
  const fanOut = createFanOut();
  let listening: Promise<() => Promise<void>> | undefined;
  return {
    async subscribe(listener) {
      listening ??= pglite.listen(CHANGE_CHANNEL, (payload) => {
        const change = parseChangeNotice(payload);
        if (change) fanOut.deliver(change);
      });
      await listening;
      fanOut.listeners.add(listener);
      return () => {
        fanOut.listeners.delete(listener);
      };
    },
    async close() {
      fanOut.listeners.clear();
      const stop = await listening?.catch(() => undefined);
      listening = undefined;
      await stop?.().catch(() => {});
    },
  };
};

const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 10_000;

/**
 * A PostgreSQL server: one dedicated LISTEN connection. When it drops, it reconnects with back-off
 * and then says `missed`, because notices sent while it was away are gone.
 */
export const serverChangeFeed = (databaseUrl: string): ClosableChangeFeed => {
  const fanOut = createFanOut();
  let client: pg.Client | undefined;
  let connecting: Promise<void> | undefined;
  let closed = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: databaseUrl, keepAlive: true });
    next.on('notification', (message) => {
      if (message.channel !== CHANGE_CHANNEL) return;
      const change = parseChangeNotice(message.payload);
      if (change) fanOut.deliver(change);
    });
    next.on('error', () => reconnect(next, 0));
    next.on('end', () => reconnect(next, 0));
    await next.connect();
    await next.query(`LISTEN ${CHANGE_CHANNEL}`);
    client = next;
  };

  const reconnect = (lost: pg.Client, attempt: number) => {
    if (closed || (client !== lost && attempt === 0)) return;
    client = undefined;
    lost.end().catch(() => {});
    const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * 2 ** attempt);
    retryTimer = setTimeout(() => {
      if (closed) return;
      connect().then(
        () => fanOut.deliver({ kind: 'missed' }),
        () => reconnect(lost, attempt + 1),
      );
    }, delay);
    retryTimer.unref();
  };

  return {
    async subscribe(listener) {
      if (closed) throw new Error('the change feed is closed');
      connecting ??= connect().catch((error: unknown) => {
        connecting = undefined;
        throw error;
      });
      await connecting;
      fanOut.listeners.add(listener);
      return () => {
        fanOut.listeners.delete(listener);
      };
    },
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      fanOut.listeners.clear();
      await client?.end().catch(() => {});
      client = undefined;
    },
  };
};
