/**
 * A WebSocket to /api/live that reconnects after drops and hands each update to `onUpdate`;
 * `onSync` runs whenever the socket starts listening, to catch up on anything missed before.
 * Updates are checked against the server's schema; one this version does not know is skipped.
 */
import { useEffect, useRef } from 'react';
import { type LiveUpdate, liveUpdateSchema } from '../../../src/api/schemas.ts';

/** The close code the server sends when a staff session ends (src/server/live/live-socket.ts). */
const SESSION_ENDED = 4401;
/** …and when the person's access changed (reconnect). */
const ACCESS_CHANGED = 4409;

const parseUpdate = (data: unknown) => {
  try {
    const parsed = liveUpdateSchema.safeParse(JSON.parse(String(data)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

export const useLiveUpdates = (
  query: string | null,
  onUpdate: (update: LiveUpdate) => void,
  onSync?: () => void,
) => {
  const handler = useRef(onUpdate);
  const reconnectHandler = useRef(onSync);
  handler.current = onUpdate;
  reconnectHandler.current = onSync;

  useEffect(() => {
    if (query === null) return;
    let socket: WebSocket | null = null;
    let stopped = false;
    let attempts = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
      socket = new WebSocket(`${scheme}://${window.location.host}/api/live${query}`);
      socket.onmessage = (event) => {
        const update = parseUpdate(event.data);
        if (update === null) return;
        if (update.type === 'ready') {
          // Reload what may have happened before this socket was listening (first connect or after a drop).
          reconnectHandler.current?.();
          attempts = 0;
          document.body.dataset.live = 'connected';
          return;
        }
        handler.current(update);
      };
      socket.onclose = (event) => {
        document.body.dataset.live = 'disconnected';
        // 4401: the session ended (signed out or expired); reconnecting cannot help until sign-in.
        if (stopped || event.code === SESSION_ENDED) return;
        // 4409: the person's role or teams changed: reconnect at once to hear what they now may.
        if (event.code === ACCESS_CHANGED) {
          timer = setTimeout(connect, 0);
          return;
        }
        attempts += 1;
        timer = setTimeout(connect, Math.min(10_000, 500 * 2 ** attempts));
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      socket?.close();
    };
  }, [query]);
};
