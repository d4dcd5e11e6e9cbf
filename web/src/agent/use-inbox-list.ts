/** The conversations of one view or team queue and the team counts, kept fresh by the live socket. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConversationSummary, LiveUpdate, TeamView } from '../../../src/api/schemas.ts';
import { apiCall } from '../shared/api.ts';
import { useLiveUpdates } from '../shared/live.ts';
import { useOneAtATime } from '../shared/use-one-at-a-time.ts';
import { isSearching, type SearchCriteria, searchParams } from './inbox-search.tsx';
import type { View } from './inbox-sidebar.tsx';
import { overdueFirst } from './overdue-first.ts';

interface InboxPage {
  readonly conversations: ConversationSummary[];
  readonly nextCursor: string | null;
  readonly total: number;
  readonly totalCapped: boolean;
}

/** Rows the list shows at first, and how many more each "Show more" adds. */
export const PAGE_ROWS = 200;
/** The most rows one request asks for (the API's limit). */
const MOST_PER_REQUEST = 500;

/** How many conversations the whole view holds; `capped`: more than `count`. */
export interface ViewTotal {
  readonly count: number;
  readonly capped: boolean;
}

/**
 * With search criteria, the list is every conversation the agent may open that matches them.
 * `byDue` orders the rows "Overdue first" (overdue-first.ts); keyboard next/previous follow that order.
 * `unreadOnly` keeps the rows with news the person has not read (one read leaves at the next refresh).
 * The list starts with the view's first 200 conversations; `showMore` adds the next 200, and a live
 * refresh reloads as many as are shown (page by page, following the API's cursors).
 */
export const useInboxList = (
  view: View,
  team: string | null,
  criteria: SearchCriteria,
  byDue = false,
  unreadOnly = false,
) => {
  const [teams, setTeams] = useState<TeamView[]>([]);
  const [conversations, setConversations] = useState<ConversationSummary[]>([]);
  const [total, setTotal] = useState<ViewTotal | null>(null);
  const [hasMore, setHasMore] = useState(false);
  // How many rows the person asked to see, for this view and search only: another starts at one page.
  const listKey = JSON.stringify([view, team, criteria, unreadOnly]);
  const [asked, setAsked] = useState({ key: listKey, rows: PAGE_ROWS });
  const wanted = asked.key === listKey ? asked.rows : PAGE_ROWS;
  const [lastUpdate, setLastUpdate] = useState<LiveUpdate | null>(null);
  /** The order before the latest refresh, to find the neighbour of a conversation that just left the list. */
  const previous = useRef<readonly ConversationSummary[]>([]);
  const current = useRef<readonly ConversationSummary[]>([]);

  /** Reads the list and the team counts as the view, search and switches now ask. */
  const load = useCallback(async () => {
    const searching = isSearching(criteria);
    const query = new URLSearchParams(searching ? { view: 'all', ...searchParams(criteria) } : { view });
    if (team && !searching) query.set('team', team);
    if (unreadOnly) query.set('unread', 'true');
    const loadRows = async () => {
      const rows: ConversationSummary[] = [];
      let cursor: string | null = null;
      for (;;) {
        const pageQuery = new URLSearchParams(query);
        pageQuery.set('limit', String(Math.min(MOST_PER_REQUEST, wanted - rows.length)));
        if (cursor !== null) pageQuery.set('cursor', cursor);
        const page: InboxPage = await apiCall<InboxPage>('GET', `/api/inbox/conversations?${pageQuery}`);
        rows.push(...page.conversations);
        cursor = page.nextCursor;
        if (cursor === null || rows.length >= wanted) return { rows, last: page };
      }
    };
    const [list, teamList] = await Promise.all([
      loadRows(),
      apiCall<{ teams: TeamView[] }>('GET', '/api/inbox/teams'),
    ]);
    return { rows: byDue ? overdueFirst(list.rows) : list.rows, last: list.last, teams: teamList.teams };
  }, [view, team, criteria, byDue, unreadOnly, wanted]);

  // One read at a time: news during a read asks for one more after it, not one each (a bulk action
  // on a hundred conversations is a hundred live updates); a read made for a view the person has
  // since left is dropped and the current view read instead.
  const latestLoad = useRef(load);
  latestLoad.current = load;
  const refresh = useOneAtATime(async () => {
    const asked = latestLoad.current;
    const read = await asked();
    if (asked !== latestLoad.current) return true;
    previous.current = current.current;
    current.current = read.rows;
    setConversations(read.rows);
    setTotal({ count: read.last.total, capped: read.last.totalCapped });
    setHasMore(read.last.nextCursor !== null);
    setTeams(read.teams);
    return false;
  });

  const showMore = useCallback(
    () => setAsked({ key: listKey, rows: Math.max(wanted, current.current.length) + PAGE_ROWS }),
    [listKey, wanted],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new way to read the list is the trigger
  useEffect(() => {
    void refresh();
  }, [load, refresh]);

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

  return { teams, conversations, total, hasMore, showMore, lastUpdate, refresh, neighbourOf };
};
