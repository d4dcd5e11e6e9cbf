/**
 * The workspace's labelled history (agents' confirmed categories, the latest per conversation),
 * read once as an aggregate and then kept up to date one conversation at a time as confirmation
 * notices arrive — never "every event since the beginning" per turn.
 */
import type { ConfirmedCategory, Store } from '../core/ports/store.ts';
import type { LabelledText } from '../core/triage/index.ts';

export interface LabelledHistory {
  /** The history in the order it was confirmed. */
  get(): Promise<readonly LabelledText[]>;
  /** A confirmation notice for one conversation. */
  confirmed(conversationId: string): void;
  /** Notices may have been missed: read the whole aggregate again. */
  reload(): void;
  /** Bumped whenever the history may have changed. */
  readonly generation: number;
}

export const createLabelledHistory = (store: Store, workspaceId: string): LabelledHistory => {
  let generation = 0;
  let loading: { readonly generation: number; readonly entries: Promise<Map<string, LabelledText>> } | null =
    null;
  // Incremental reads are applied one after the other, so an older read never overwrites a newer one.
  let updates: Promise<void> = Promise.resolve();

  const put = (entries: Map<string, LabelledText>, confirmed: ConfirmedCategory) => {
    // A re-confirmed conversation moves to the end: the history keeps the order of the latest confirmations.
    entries.delete(confirmed.conversationId);
    entries.set(confirmed.conversationId, { text: confirmed.text, category: confirmed.category });
  };

  const entries = (): Promise<Map<string, LabelledText>> => {
    if (loading !== null && loading.generation === generation) return loading.entries;
    const read = store.categoryHistory.latest(workspaceId).then((rows) => {
      const map = new Map<string, LabelledText>();
      for (const row of rows) put(map, row);
      return map;
    });
    const current = { generation, entries: read };
    loading = current;
    read.catch(() => {
      if (loading === current) loading = null;
    });
    return read;
  };

  return {
    get generation() {
      return generation;
    },
    async get() {
      await updates;
      return [...(await entries()).values()];
    },
    confirmed(conversationId) {
      generation += 1;
      const loaded = loading;
      // Not read yet (or the read failed): the next full read will include this confirmation.
      if (loaded === null) return;
      loading = { generation, entries: loaded.entries };
      updates = updates
        .then(async () => {
          const [map, confirmed] = await Promise.all([
            loaded.entries,
            store.categoryHistory.latestOf(conversationId),
          ]);
          if (confirmed) put(map, confirmed);
          else map.delete(conversationId);
        })
        .catch(() => {
          // The incremental read failed: read the whole aggregate next time instead.
          loading = null;
        });
    },
    reload() {
      generation += 1;
      loading = null;
    },
  };
};
