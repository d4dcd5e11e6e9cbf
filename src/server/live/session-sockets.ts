/**
 * The staff sockets of each session in this process, so signing out, a deactivation or a changed
 * role closes them at once. Other processes notice at their next session check (live-socket.ts
 * re-reads every staff session on its heartbeat).
 */

/** Why a socket is closed: its session is over (sign in again), or its access changed (reconnect). */
export type SocketEnd = 'session_ended' | 'access_changed';

export interface SessionSockets {
  /** Remembers how to close a socket opened with this session by this person; returns the forget function. */
  add(tokenHash: string, agentId: string, close: (why: SocketEnd) => void): () => void;
  /** Closes every socket of the session (sign-out). */
  end(tokenHash: string): void;
  /**
   * Closes every socket of the person: `session_ended` when their sessions are gone (deactivated,
   * password set), `access_changed` when their role or teams changed and the socket must reconnect
   * to hear what the new access allows. `keep` spares one session (their own password change).
   */
  endAgent(agentId: string, why: SocketEnd, keep?: string | null): void;
}

interface Entry {
  readonly tokenHash: string;
  readonly agentId: string;
  readonly close: (why: SocketEnd) => void;
}

export const createSessionSockets = (): SessionSockets => {
  const entries = new Set<Entry>();
  const closeWhere = (matches: (entry: Entry) => boolean, why: SocketEnd) => {
    for (const entry of [...entries]) {
      if (!matches(entry)) continue;
      entries.delete(entry);
      entry.close(why);
    }
  };
  return {
    add(tokenHash, agentId, close) {
      const entry: Entry = { tokenHash, agentId, close };
      entries.add(entry);
      return () => {
        entries.delete(entry);
      };
    },
    end(tokenHash) {
      closeWhere((entry) => entry.tokenHash === tokenHash, 'session_ended');
    },
    endAgent(agentId, why, keep = null) {
      closeWhere((entry) => entry.agentId === agentId && entry.tokenHash !== keep, why);
    },
  };
};
