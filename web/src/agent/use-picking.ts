/**
 * The rows picked for a bulk action: kept while they are in the list, dropped when the view, team
 * or search changes (a selection belongs to the list it was made in).
 */
import { useCallback, useMemo, useState } from 'react';
import type { ConversationSummary } from '../../../src/api/schemas.ts';
import type { RowSelection } from './conversation-list.tsx';

const noIds: ReadonlySet<string> = new Set();

export const usePicking = (rows: readonly ConversationSummary[], listKey: string) => {
  const [picked, setPicked] = useState<{ key: string; ids: ReadonlySet<string>; outcome: string | null }>({
    key: listKey,
    ids: noIds,
    outcome: null,
  });
  // Another list: nothing picked, nothing to report. Reset while rendering (React's pattern for
  // state that follows a prop: React renders again at once with the reset state, so no render shows
  // the old list's picks, as an effect would once).
  if (picked.key !== listKey) setPicked({ key: listKey, ids: noIds, outcome: null });
  const shown = useMemo(() => new Set(rows.map((row) => row.id)), [rows]);
  // A picked row that left the list (resolved elsewhere, moved away) is no longer picked.
  const ids = useMemo(() => {
    const kept = [...picked.ids].filter((id) => shown.has(id));
    return kept.length === picked.ids.size ? picked.ids : new Set(kept);
  }, [picked.ids, shown]);
  /** Changes the picks of what is shown now; a bulk action's report goes with the change. */
  const setIds = useCallback(
    (next: (current: ReadonlySet<string>) => ReadonlySet<string>, said: string | null = null) =>
      setPicked((state) => ({
        key: state.key,
        ids: next(new Set([...state.ids].filter((id) => shown.has(id)))),
        outcome: said,
      })),
    [shown],
  );

  const toggle = useCallback(
    (id: string) =>
      setIds((current) => {
        const next = new Set(current);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [setIds],
  );

  const toggleAll = useCallback(
    () =>
      setIds((current) =>
        rows.every((row) => current.has(row.id)) ? noIds : new Set(rows.map((row) => row.id)),
      ),
    [rows, setIds],
  );

  const keepOnly = useCallback(
    (still: readonly string[], said: string | null) => setIds(() => new Set(still), said),
    [setIds],
  );

  const selection: RowSelection = useMemo(() => ({ ids, toggle, toggleAll }), [ids, toggle, toggleAll]);
  return { ids, outcome: picked.outcome, selection, keepOnly };
};
