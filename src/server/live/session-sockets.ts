/**
 * The staff sockets of each session in this process, so signing out closes them at once. Other
 * processes notice at their next session check (live-socket.ts re-reads every staff session).
 */
export interface SessionSockets {
  /** Remembers how to close a socket opened with this session; returns the forget function. */
  add(tokenHash: string, close: () => void): () => void;
  /** Closes every socket of the session (sign-out). */
  end(tokenHash: string): void;
}

export const createSessionSockets = (): SessionSockets => {
  const bySession = new Map<string, Set<() => void>>();
  return {
    add(tokenHash, close) {
      const set = bySession.get(tokenHash) ?? new Set<() => void>();
      set.add(close);
      bySession.set(tokenHash, set);
      return () => {
        set.delete(close);
        if (set.size === 0) bySession.delete(tokenHash);
      };
    },
    end(tokenHash) {
      const set = bySession.get(tokenHash);
      bySession.delete(tokenHash);
      for (const close of set ?? []) close();
    },
  };
};
