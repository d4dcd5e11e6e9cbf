/**
 * Collision detection: the colleagues viewing or writing a reply in the open conversation. This
 * person says they are viewing it (again every 15 s, and at once when a colleague arrives, so both
 * see each other) and that they left when they move on; a colleague silent for 40 s is gone, and
 * "typing" fades to "viewing" 8 s after their last key.
 */
import { useEffect, useRef, useState } from 'react';
import type { LiveUpdate } from '../../../src/api/schemas.ts';
import { apiCall } from '../shared/api.ts';
import { useLiveUpdates } from '../shared/live.ts';

const HEARTBEAT_MS = 15_000;
const GONE_AFTER_MS = 40_000;
const TYPING_FOR_MS = 8_000;

export interface Colleague {
  readonly name: string;
  readonly activity: 'viewing' | 'typing';
}

interface Seen {
  readonly name: string;
  readonly heardAt: number;
  readonly typedAt: number | null;
}

type Presence = Extract<LiveUpdate, { type: 'presence' }>;

const announce = (conversationId: string, activity: 'viewing' | 'left') =>
  apiCall('POST', `/api/inbox/conversations/${conversationId}/presence`, { body: { activity } }).catch(
    () => {},
  );

/** Who is here now, from what was heard and when. */
const present = (seen: ReadonlyMap<string, Seen>, now: number): Colleague[] =>
  [...seen.values()]
    .filter((s) => now - s.heardAt < GONE_AFTER_MS)
    .map((s) => ({
      name: s.name,
      activity: s.typedAt !== null && now - s.typedAt < TYPING_FOR_MS ? 'typing' : 'viewing',
    }));

export const useCollision = (conversationId: string | null, myId: string): readonly Colleague[] => {
  const seen = useRef(new Map<string, Seen>());
  const [colleagues, setColleagues] = useState<readonly Colleague[]>([]);
  const show = () => setColleagues(present(seen.current, Date.now()));

  useEffect(() => {
    seen.current = new Map();
    setColleagues([]);
    if (conversationId === null) return;
    void announce(conversationId, 'viewing');
    const heartbeat = setInterval(() => void announce(conversationId, 'viewing'), HEARTBEAT_MS);
    // Re-reads the clock so "typing" fades and silent colleagues go without a new update.
    const tick = setInterval(() => setColleagues(present(seen.current, Date.now())), 2_000);
    const leave = () => void announce(conversationId, 'left');
    window.addEventListener('pagehide', leave);
    return () => {
      clearInterval(heartbeat);
      clearInterval(tick);
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [conversationId]);

  const hear = (update: Presence) => {
    const now = Date.now();
    const before = seen.current.get(update.agentId);
    if (update.activity === 'left') seen.current.delete(update.agentId);
    else
      seen.current.set(update.agentId, {
        name: update.agentName,
        heardAt: now,
        typedAt: update.activity === 'typing' ? now : (before?.typedAt ?? null),
      });
    // Someone new arrived: tell them at once that this person is here too.
    if (!before && update.activity !== 'left' && conversationId) void announce(conversationId, 'viewing');
    show();
  };

  useLiveUpdates('', (update) => {
    if (update.type !== 'presence' || update.conversationId !== conversationId || update.agentId === myId)
      return;
    hear(update);
  });

  return colleagues;
};
