/**
 * Live updates inside one Baton process. Topics are `conversation:<id>` (the customer and agents
 * watching it) and `workspace:<id>` (every signed-in agent's inbox).
 */
import type { LiveUpdate } from '../api/schemas.ts';

export type LiveListener = (update: LiveUpdate) => void;

export interface LiveBus {
  publish(topic: string, update: LiveUpdate): void;
  subscribe(topic: string, listener: LiveListener): () => void;
}

export const conversationTopic = (conversationId: string): string => `conversation:${conversationId}`;
export const workspaceTopic = (workspaceId: string): string => `workspace:${workspaceId}`;

export const createInProcessLiveBus = (): LiveBus => {
  const listeners = new Map<string, Set<LiveListener>>();
  return {
    publish(topic, update) {
      for (const listener of listeners.get(topic) ?? []) {
        try {
          listener(update);
        } catch {
          // A broken subscriber (a closed socket) must not stop delivery to the others.
        }
      }
    },
    subscribe(topic, listener) {
      const set = listeners.get(topic) ?? new Set<LiveListener>();
      set.add(listener);
      listeners.set(topic, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(topic);
      };
    },
  };
};
