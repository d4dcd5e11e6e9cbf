/**
 * The rows picked for a bulk action: kept while they are in the list, dropped when the view, team
 * or search changes (a selection belongs to the list it was made in).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ConversationSummary } from '../../../src/api/schemas.ts';
import type { RowSelection } from './conversation-list.tsx';

export const usePicking = (rows: readonly ConversationSummary[], listKey: string) => {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  const [outcome, setOutcome] = useState<string | null>(null);

  // Another list: nothing picked, nothing to report.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the list's key is the trigger
  useEffect(() => {
    setIds(new Set());
    setOutcome(null);
  }, [listKey]);

  // A picked row that left the list (resolved elsewhere, moved away) is no longer picked.
  useEffect(() => {
    setIds((picked) => {
      const shown = new Set(rows.map((row) => row.id));
      const kept = [...picked].filter((id) => shown.has(id));
      return kept.length === picked.size ? picked : new Set(kept);
    });
  }, [rows]);

  const toggle = useCallback((id: string) => {
    setOutcome(null);
    setIds((picked) => {
      const next = new Set(picked);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);

  const toggleAll = useCallback(() => {
    setOutcome(null);
    setIds((picked) =>
      rows.every((row) => picked.has(row.id)) ? new Set() : new Set(rows.map((row) => row.id)),
    );
  }, [rows]);

  const keepOnly = useCallback((still: readonly string[], said: string | null) => {
    setIds(new Set(still));
    setOutcome(said);
  }, []);

  const selection: RowSelection = useMemo(() => ({ ids, toggle, toggleAll }), [ids, toggle, toggleAll]);
  return { ids, outcome, selection, keepOnly };
};
