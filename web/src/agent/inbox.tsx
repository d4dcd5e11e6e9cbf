/** The inbox: views and team queues on the left, the list in the middle, the conversation on the right. */
import { useCallback, useEffect, useState } from 'react';
import type { AgentView, ConversationSummary, LiveUpdate, TeamView } from '../../../src/api/schemas.ts';
import { apiCall } from '../shared/api.ts';
import { useLiveUpdates } from '../shared/live.ts';
import { ConversationList } from './conversation-list.tsx';
import { ConversationPane } from './conversation-pane.tsx';

type View = 'queue' | 'mine' | 'ai' | 'resolved';
const views: ReadonlyArray<[View, string]> = [
  ['queue', 'Team queue'],
  ['mine', 'Assigned to me'],
  ['ai', 'With the AI'],
  ['resolved', 'Resolved'],
];

export const Inbox = (props: {
  agent: AgentView;
  onAgentChange: (a: AgentView) => void;
  onSignedOut: () => void;
}) => {
  const { agent } = props;
  const [view, setView] = useState<View>('queue');
  const [team, setTeam] = useState<string | null>(null);
  const [teams, setTeams] = useState<TeamView[]>([]);
  const [conversations, setConversations] = useState<ConversationSummary[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [lastUpdate, setLastUpdate] = useState<LiveUpdate | null>(null);

  const refresh = useCallback(async () => {
    const query = new URLSearchParams({ view });
    if (team) query.set('team', team);
    const [list, teamList] = await Promise.all([
      apiCall<{ conversations: ConversationSummary[] }>('GET', `/api/inbox/conversations?${query}`),
      apiCall<{ teams: TeamView[] }>('GET', '/api/inbox/teams'),
    ]);
    setConversations(list.conversations);
    setTeams(teamList.teams);
  }, [view, team]);

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

  const toggleStatus = async () => {
    const status = agent.status === 'available' ? 'away' : 'available';
    props.onAgentChange(await apiCall<AgentView>('PUT', '/api/agents/me/status', { body: { status } }));
  };

  return (
    <div className="inbox">
      <aside className="sidebar">
        <div className="me">
          <strong>{agent.name}</strong>
          <span className="role">{agent.role}</span>
          <button
            type="button"
            className={`status ${agent.status}`}
            onClick={() => void toggleStatus()}
            title="Only available agents get conversations assigned automatically"
          >
            {agent.status === 'available' ? '● Available' : '○ Away'}
          </button>
        </div>
        <nav aria-label="Views">
          {views.map(([key, label]) => (
            <button
              type="button"
              key={key}
              className={view === key && !team ? 'active' : ''}
              onClick={() => {
                setView(key);
                setTeam(null);
              }}
            >
              {label}
            </button>
          ))}
        </nav>
        <h2>Teams</h2>
        <nav aria-label="Teams">
          {teams.map((t) => (
            <button
              type="button"
              key={t.key}
              className={team === t.key ? 'active' : ''}
              onClick={() => {
                setView('queue');
                setTeam(t.key);
              }}
            >
              {t.name} <span className="count">{t.waiting}</span>
            </button>
          ))}
        </nav>
        <a href="/planner" className="planner-link">
          Team planner
        </a>
        <a href="/ops" className="planner-link">
          Ops console
        </a>
        <button type="button" className="link sign-out" onClick={props.onSignedOut}>
          Sign out
        </button>
      </aside>
      <ConversationList conversations={conversations} selected={selected} onSelect={setSelected} />
      <section className="pane">
        {selected ? (
          <ConversationPane
            key={selected}
            conversationId={selected}
            agent={agent}
            lastUpdate={lastUpdate}
            onChanged={refresh}
          />
        ) : (
          <p className="empty">Pick a conversation from the queue.</p>
        )}
      </section>
    </div>
  );
};
