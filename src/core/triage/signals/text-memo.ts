/**
 * Values remembered by message text. A detector's reading of one message depends on that text
 * alone, so a caller triaging one conversation turn after turn may keep it instead of reading every
 * earlier message again (see line-memo.ts).
 */
export type TextMemo<T> = Map<string, T>;

/**
 * `read(text)`, remembered in `memo` when there is one. The value is shared with every later turn
 * that reads the same text: no reader may change it (sort an array, add to a set).
 */
export const remembered = <T>(memo: TextMemo<T> | undefined, text: string, read: (text: string) => T): T => {
  if (!memo) return read(text);
  const known = memo.get(text);
  if (known !== undefined) return known;
  const value = read(text);
  memo.set(text, value);
  return value;
};
