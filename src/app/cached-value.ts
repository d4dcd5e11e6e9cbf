/**
 * A value loaded once and kept until a change notice invalidates it. Each invalidation starts a
 * new generation: a load that was already under way when the notice came is not kept, so a notice
 * that overtakes a slow read never leaves the old value cached. A failed load is not kept either.
 */
export interface CachedValue<T> {
  get(): Promise<T>;
  invalidate(): void;
  /** Bumped by every invalidation. */
  readonly generation: number;
}

export const cachedValue = <T>(load: () => Promise<T>): CachedValue<T> => {
  let generation = 0;
  let entry: { readonly generation: number; readonly value: Promise<T> } | undefined;
  return {
    get generation() {
      return generation;
    },
    invalidate() {
      generation += 1;
      entry = undefined;
    },
    get() {
      if (entry !== undefined && entry.generation === generation) return entry.value;
      const value = load();
      const loaded = { generation, value };
      entry = loaded;
      value.catch(() => {
        if (entry === loaded) entry = undefined;
      });
      return value;
    },
  };
};
