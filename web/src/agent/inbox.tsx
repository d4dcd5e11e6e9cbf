/**
 * The inbox: views and team queues, the list, the open conversation. On a phone the list and the
 * conversation are two screens. Everything has a keyboard shortcut (`?` lists them).
 */
import { useEffect, useRef, useState } from 'react';
import type { AgentView } from '../../../src/api/schemas.ts';
import { apiCall } from '../shared/api.ts';
import { BulkBar } from './bulk-bar.tsx';
import { CollisionNotice } from './collision-notice.tsx';
import { ConversationList } from './conversation-list.tsx';
import { ConversationPane, type PaneCommands } from './conversation-pane.tsx';
import { InboxSearch, isSearching, noCriteria, type SearchCriteria } from './inbox-search.tsx';
import { InboxSidebar, type View, views } from './inbox-sidebar.tsx';
import { NotificationToggles } from './notification-toggles.tsx';
import { OverdueFirstToggle } from './overdue-first-toggle.tsx';
import { conversationInUrl, pushConversation } from './selected-conversation.ts';
import { ShortcutHelp } from './shortcut-help.tsx';
import { useShortcuts } from './shortcuts.ts';
import { UnreadOnlyToggle } from './unread-only-toggle.tsx';
import { useCollision } from './use-collision.ts';
import { useInboxList } from './use-inbox-list.ts';
import { useNotifications } from './use-notifications.ts';
import { usePicking } from './use-picking.ts';
import { useUnread } from './use-unread.ts';
import '../shared/messages.css';
import './inbox.css';

type OpenedBy = 'pointer' | 'keyboard' | 'address';
const phone = () => window.matchMedia('(max-width: 760px)').matches;

export const Inbox = (props: {
  agent: AgentView;
  onAgentChange: (a: AgentView) => void;
  onSignedOut: () => void;
}) => {
  const { agent } = props;
  const [view, setView] = useState<View>('queue');
  const [team, setTeam] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(conversationInUrl);
  const [openedBy, setOpenedBy] = useState<OpenedBy>('address');
  const [helpOpen, setHelpOpen] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const [criteria, setCriteria] = useState<SearchCriteria>(noCriteria);
  const [byDue, setByDue] = useState(false);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useInboxList(view, team, criteria, byDue, unreadOnly);
  const picking = usePicking(list.conversations, JSON.stringify([view, team, criteria, unreadOnly]));
  const unread = useUnread(selected, list.lastUpdate, list.conversations);
  const listElement = useRef<HTMLUListElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const pane = useRef<PaneCommands>(null);

  useEffect(() => {
    const onPop = () => setSelected(conversationInUrl());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  // Keyboard moves keep focus on the list row, so the next letter key still works.
  useEffect(() => {
    if (openedBy !== 'keyboard' || !selected || phone()) return;
    const row = listElement.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(selected)}"]`);
    row?.focus();
    row?.scrollIntoView({ block: 'nearest' });
  }, [selected, openedBy]);

  const open = (id: string | null, by: OpenedBy) => {
    setOpenedBy(by);
    setSelected(id);
    pushConversation(id);
  };
  const colleagues = useCollision(selected, agent.id);
  const notifications = useNotifications(agent, selected, (id) => open(id, 'pointer'));

  const step = (delta: 1 | -1) => {
    const ids = list.conversations.map((c) => c.id);
    if (ids.length === 0) return;
    const index = selected ? ids.indexOf(selected) : -1;
    const next =
      index < 0 ? (delta > 0 ? 0 : ids.length - 1) : Math.min(ids.length - 1, Math.max(0, index + delta));
    const id = ids[next];
    if (id) open(id, 'keyboard');
  };

  useShortcuts({
    next: () => step(1),
    previous: () => step(-1),
    reply: () => pane.current?.reply(),
    note: () => pane.current?.note(),
    assignToMe: () => void pane.current?.assignToMe(),
    resolve: () => void pane.current?.resolve(),
    tag: () => pane.current?.tag(),
    pick: () => {
      if (selected && agent.role !== 'qa') picking.selection.toggle(selected);
    },
    search: () => {
      // On a phone the search sits on the list screen.
      if (selected && phone()) open(null, 'keyboard');
      requestAnimationFrame(() => searchBox.current?.focus());
    },
    help: () => setHelpOpen((shown) => !shown),
    leave: () => {
      if (helpOpen) setHelpOpen(false);
      else if (menuOpen) setMenuOpen(false);
      else if (selected && phone()) open(null, 'keyboard');
    },
  });

  const toggleStatus = async () => {
    const status = agent.status === 'available' ? 'away' : 'available';
    props.onAgentChange(await apiCall<AgentView>('PUT', '/api/agents/me/status', { body: { status } }));
  };

  const searching = isSearching(criteria);
  const title = searching
    ? 'Search results'
    : team
      ? (list.teams.find((t) => t.key === team)?.name ?? team)
      : (views.find(([key]) => key === view)?.[1] ?? 'Inbox');

  return (
    <div className="inbox" data-screen={selected ? 'conversation' : 'list'}>
      <InboxSidebar
        agent={agent}
        view={view}
        team={team}
        teams={list.teams}
        unread={unread}
        settings={
          <NotificationToggles
            choices={notifications.choices}
            onChange={(next) => void notifications.change(next)}
          />
        }
        open={menuOpen}
        onToggleOpen={() => setMenuOpen((shown) => !shown)}
        onView={(key) => {
          setCriteria(noCriteria);
          setView(key);
          setTeam(null);
          setMenuOpen(false);
        }}
        onTeam={(key) => {
          setCriteria(noCriteria);
          setView('queue');
          setTeam(key);
          setMenuOpen(false);
        }}
        onToggleStatus={() => void toggleStatus()}
        onHelp={() => setHelpOpen(true)}
        onSignOut={props.onSignedOut}
      />
      <main className="inbox-main">
        <h1 className="visually-hidden">Inbox</h1>
        <ConversationList
          ref={listElement}
          title={title}
          header={
            <>
              <InboxSearch ref={searchBox} criteria={criteria} onChange={setCriteria} />
              <OverdueFirstToggle on={byDue} onChange={setByDue} />
              <UnreadOnlyToggle on={unreadOnly} onChange={setUnreadOnly} />
            </>
          }
          emptyText={
            searching
              ? 'No conversation matches this search.'
              : unreadOnly
                ? 'Nothing unread here.'
                : undefined
          }
          bulkBar={
            <>
              {picking.ids.size > 0 && (
                <BulkBar
                  selected={[...picking.ids]}
                  teams={list.teams}
                  onDone={(still, outcome) => {
                    picking.keepOnly(still, outcome);
                    void list.refresh();
                  }}
                  onClear={() => picking.keepOnly([], null)}
                />
              )}
              {picking.outcome && (
                <p className="bulk-outcome" role="status">
                  {picking.outcome}
                </p>
              )}
            </>
          }
          selection={agent.role === 'qa' ? undefined : picking.selection}
          conversations={list.conversations}
          total={list.total}
          onShowMore={list.hasMore ? list.showMore : undefined}
          selected={selected}
          unreadIds={unread?.conversationIds}
          onSelect={(id) => open(id, 'pointer')}
        />
        <section className="pane" aria-label="Open conversation">
          {selected ? (
            <ConversationPane
              key={selected}
              conversationId={selected}
              agent={agent}
              lastUpdate={list.lastUpdate}
              onChanged={list.refresh}
              onResolved={() => {
                const next = list.neighbourOf(selected);
                if (next) open(next, 'keyboard');
              }}
              onBack={() => open(null, 'pointer')}
              focusReplyOnOpen={openedBy === 'pointer' && !phone()}
              commands={pane}
              openConversation={(id) => open(id, 'pointer')}
              presence={<CollisionNotice colleagues={colleagues} />}
            />
          ) : (
            <p className="empty">Pick a conversation from the list, or press j. Press ? for all shortcuts.</p>
          )}
        </section>
      </main>
      <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
};
