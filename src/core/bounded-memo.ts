/**
 * Remembers a pure computation's results for the most recent keys, and no more than `capacity` of
 * them. The engine checks, splits and reads the same few texts (articles, templates, words) on
 * every message, so each is worked out once; the bound is there because those texts come from
 * customers and ops and change over a long run. When full it forgets the key it learnt longest
 * ago, not all of them: emptying the whole memo at once made a run over a few hundred distinct
 * texts work a third of them out again.
 */
export interface BoundedMemo<K, V> {
  /** The remembered value for `key`, computing and remembering it the first time. */
  readonly get: (key: K, compute: (key: K) => V) => V;
  readonly size: () => number;
}

export const boundedMemo = <K, V>(capacity: number): BoundedMemo<K, V> => {
  if (!Number.isInteger(capacity) || capacity < 1)
    throw new RangeError('a memo needs room for at least one key');
  const values = new Map<K, V>();
  return {
    get: (key, compute) => {
      const known = values.get(key);
      // `undefined` may be a remembered value, so only then is the key looked up a second time.
      if (known !== undefined || values.has(key)) return known as V;
      const value = compute(key);
      if (values.size >= capacity) {
        const oldest = values.keys().next();
        if (!oldest.done) values.delete(oldest.value);
      }
      values.set(key, value);
      return value;
    },
    size: () => values.size,
  };
};
