/**
 * Live updates between processes. A change travels as a small signal of ids — which conversation,
 * which new messages, whether the conversation itself changed, who is typing — and each process's
 * live feed (live-feed.ts) reads what its own subscribers are shown. Signals for one conversation
 * published in the same turn of the event loop are merged, so a change costs one notification
 * however many helpers announced a piece of it.
 */
import type { LiveConversationView } from '../core/ports/store.ts';

export interface LiveSignal {
  readonly workspaceId: string;
  readonly conversationId: string;
  /** Messages added, oldest first. */
  readonly messageIds: readonly string[];
  /** The conversation itself changed (state, assignee, category, last message): show its summary again. */
  readonly conversationChanged: boolean;
  /** Who started writing a reply, if anyone. */
  readonly typing: 'ai' | 'agent' | null;
  /** More of the AI's answer as it is written (streamed to the customer; never stored). */
  readonly draftDelta?: string;
  /** A colleague is viewing or writing in the conversation, or left it (staff hear it; customers never do). */
  readonly presence?: StaffPresence;
  /**
   * What the writer had in hand when it announced the change: the conversation as written and the
   * announced messages (the last of them its newest). This process's live feed shapes the updates
   * from it instead of reading the conversation back; it never leaves the process (other
   * processes hear the ids and read).
   */
  readonly written?: LiveConversationView;
}

export interface StaffPresence {
  readonly agentId: string;
  readonly agentName: string;
  readonly activity: 'viewing' | 'typing' | 'left';
  /** The conversation's team, so only staff who may see the conversation hear it. */
  readonly teamKey: string | null;
}

export type LiveSignalListener = (signal: LiveSignal) => void;

export interface LiveBus {
  publish(signal: LiveSignal): void;
  /** Hears every signal, from this process and (on a shared bus) every other one. */
  subscribe(listener: LiveSignalListener): () => void;
}

/** Topics a socket listens to: `conversation:<id>` (the customer and agents watching it), `workspace:<id>` (every agent's inbox). */
export const conversationTopic = (conversationId: string): string => `conversation:${conversationId}`;
export const workspaceTopic = (workspaceId: string): string => `workspace:${workspaceId}`;

/** The signal announces stored changes (its watchers are shown something read from the store). */
const announcesChanges = (signal: LiveSignal): boolean =>
  signal.messageIds.length > 0 || signal.conversationChanged;

/** A merged signal keeps what was written only when the other part announces nothing it lacks. */
const mergedWritten = (into: LiveSignal, next: LiveSignal): LiveConversationView | undefined => {
  if (into.written && !announcesChanges(next)) return into.written;
  if (next.written && !announcesChanges(into)) return next.written;
  return undefined;
};

const merge = (into: LiveSignal, next: LiveSignal): LiveSignal => {
  const written = mergedWritten(into, next);
  return {
    workspaceId: into.workspaceId,
    conversationId: into.conversationId,
    messageIds: [...into.messageIds, ...next.messageIds.filter((id) => !into.messageIds.includes(id))],
    conversationChanged: into.conversationChanged || next.conversationChanged,
    typing: next.typing ?? into.typing,
    ...((next.presence ?? into.presence) ? { presence: next.presence ?? into.presence } : {}),
    ...(into.draftDelta !== undefined || next.draftDelta !== undefined
      ? { draftDelta: (into.draftDelta ?? '') + (next.draftDelta ?? '') }
      : {}),
    ...(written ? { written } : {}),
  };
};

/**
 * Collects the signals published during one turn of the event loop and hands them to `flush`
 * once, one per conversation in the order they were first published.
 */
export const createSignalBatcher = (flush: (signals: readonly LiveSignal[]) => void) => {
  let pending: Map<string, LiveSignal> | null = null;
  return (signal: LiveSignal) => {
    if (pending === null) {
      const batch = new Map<string, LiveSignal>();
      pending = batch;
      setImmediate(() => {
        pending = null;
        flush([...batch.values()]);
      });
    }
    const earlier = pending.get(signal.conversationId);
    pending.set(signal.conversationId, earlier ? merge(earlier, signal) : signal);
  };
};

/** Calls every listener; one that throws (a closed socket) does not stop delivery to the others. */
export const deliverTo = (listeners: Iterable<LiveSignalListener>, signal: LiveSignal): void => {
  for (const listener of [...listeners]) {
    try {
      listener(signal);
    } catch {
      // The failing subscriber's own problem.
    }
  }
};

export const createInProcessLiveBus = (): LiveBus => {
  const listeners = new Set<LiveSignalListener>();
  const publish = createSignalBatcher((signals) => {
    for (const signal of signals) deliverTo(listeners, signal);
  });
  return {
    publish,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
};
