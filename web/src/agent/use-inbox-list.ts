/** The conversations of one view or team queue and the team counts, kept fresh by the live socket. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConversationSummary, LiveUpdate, TeamView } from '../../../src/api/schemas.ts';
import { apiCall } from '../shared/api.ts';
import { useLiveUpdates } from '../shared/live.ts';
import { isSearching, type SearchCriteria, searchParams } from './inbox-search.tsx';
import type { View } from './inbox-sidebar.tsx';
import { overdueFirst } from './overdue-first.ts';

/**
 * With search criteria, the list is every conversation the agent may open that matches them.
 * `byDue` orders the rows "Overdue first" (overdue-first.ts); keyboard next/previous follow that order.
 */
export const useInboxList = (view: View, team: string | null, criteria: SearchCriteria, byDue = false) => {
  const [teams, setTeams] = useState<TeamView[]>([]);
  const [conversations, setConversations] = useState<ConversationSummary[]>([]);
  const [lastUpdate, setLastUpdate] = useState<LiveUpdate | null>(null);
  /** The order before the latest refresh, to find the neighbour of a conversation that just left the list. */
  const previous = useRef<readonly ConversationSummary[]>([]);
  const current = useRef<readonly ConversationSummary[]>([]);

  const refresh = useCallback(async () => {
    const searching = isSearching(criteria);
    const query = new URLSearchParams(searching ? { view: 'all', ...searchParams(criteria) } : { view });
    if (team && !searching) query.set('team', team);
    const [list, teamList] = await Promise.all([
      apiCall<{ conversations: ConversationSummary[] }>('GET', `/api/inbox/conversations?${query}`),
      apiCall<{ teams: TeamView[] }>('GET', '/api/inbox/teams'),
    ]);
    const rows = byDue ? overdueFirst(list.conversations) : list.conversations;
    previous.current = current.current;
    current.current = rows;
    setConversations(rows);
    setTeams(teamList.teams);
  }, [view, team, criteria, byDue]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useLiveUpdates(
    '',
    (update) => {
      setLastUpdate(update);
      if (update.type === 'conversation' || update.type === 'resync') void refresh();
    },
    () => void refresh(),
  );

  /** The conversation to open after `id` left or was finished: the next one in the order it had, else the one before. */
  const neighbourOf = (id: string): string | null => {
    const order = previous.current.some((c) => c.id === id) ? previous.current : current.current;
    const still = new Set(current.current.map((c) => c.id));
    const index = order.findIndex((c) => c.id === id);
    const after = order.slice(index + 1).find((c) => still.has(c.id) && c.id !== id);
    const before = [...order.slice(0, Math.max(index, 0))]
      .reverse()
      .find((c) => still.has(c.id) && c.id !== id);
    return after?.id ?? before?.id ?? current.current.find((c) => c.id !== id)?.id ?? null;
  };

  return { teams, conversations, lastUpdate, refresh, neighbourOf };
};
