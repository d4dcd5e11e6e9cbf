/** The inbox's left column: who is signed in and their status, the views, the team queues, links. */
import type { ReactNode } from 'react';
import type { AgentView, TeamView } from '../../../src/api/schemas.ts';
import type { UnreadView } from '../../../src/api/unread-schemas.ts';
import { UnreadCount } from './unread-count.tsx';

export type View = 'queue' | 'mine' | 'ai' | 'resolved';
/** The desk's other pages, for the roles that may use them (the server checks again). */
const PAGES: readonly { readonly href: string; readonly label: string; readonly roles: readonly string[] }[] =
  [
    { href: '/review', label: 'Review', roles: ['qa', 'ops', 'admin'] },
    { href: '/analytics', label: 'Analytics', roles: ['qa', 'ops', 'admin'] },
    { href: '/report', label: 'Weekly report', roles: ['qa', 'ops', 'admin'] },
    { href: '/knowledge-audit', label: 'Knowledge audit', roles: ['qa', 'ops', 'admin'] },
    { href: '/teams', label: 'Teams', roles: ['ops', 'admin'] },
    { href: '/canned-replies', label: 'Canned replies', roles: ['ops', 'admin'] },
    { href: '/people', label: 'People', roles: ['admin'] },
    { href: '/settings', label: 'Settings', roles: ['admin'] },
  ];

export const views: ReadonlyArray<readonly [View, string]> = [
  ['queue', 'Team queue'],
  ['mine', 'Assigned to me'],
  ['ai', 'With the AI'],
  ['resolved', 'Resolved'],
];

export const InboxSidebar = (props: {
  agent: AgentView;
  view: View;
  team: string | null;
  teams: readonly TeamView[];
  /** Unread conversations per view and team (absent until loaded). */
  unread?: UnreadView | null;
  /** Below the team queues: the person's notification choices. */
  settings?: ReactNode;
  open: boolean;
  onToggleOpen: () => void;
  onView: (view: View) => void;
  onTeam: (team: string) => void;
  onToggleStatus: () => void;
  onHelp: () => void;
  onSignOut: () => void;
}) => (
  <aside className={`sidebar${props.open ? ' open' : ''}`} aria-label="Inbox menu">
    <div className="me">
      <strong>{props.agent.name}</strong>
      <span className="role">{props.agent.role}</span>
      {props.agent.demo ? (
        <span
          className="demo-badge"
          title="A demo account: its password is public. Do not use it for real work."
        >
          Demo account
        </span>
      ) : null}
      <button
        type="button"
        className={`status ${props.agent.status}`}
        onClick={props.onToggleStatus}
        title="Only available agents get conversations assigned automatically"
      >
        {props.agent.status === 'available' ? '● Available' : '○ Away'}
      </button>
      <button
        type="button"
        className="menu-toggle"
        aria-expanded={props.open}
        aria-controls="inbox-menu"
        onClick={props.onToggleOpen}
      >
        Menu
      </button>
    </div>
    <div id="inbox-menu" className="menu">
      <nav aria-label="Views">
        {views.map(([key, label]) => (
          <button
            type="button"
            key={key}
            aria-current={props.view === key && !props.team ? 'page' : undefined}
            className={props.view === key && !props.team ? 'active' : ''}
            onClick={() => props.onView(key)}
          >
            {label} <UnreadCount count={key === 'resolved' ? 0 : (props.unread?.views[key] ?? 0)} />
          </button>
        ))}
      </nav>
      <h2>Teams</h2>
      <nav aria-label="Teams">
        {props.teams.map((t) => (
          <button
            type="button"
            key={t.key}
            aria-current={props.team === t.key ? 'page' : undefined}
            className={props.team === t.key ? 'active' : ''}
            onClick={() => props.onTeam(t.key)}
          >
            {t.name}{' '}
            {t.open ? null : (
              <span className="closed" title="Outside this team's business hours">
                closed
              </span>
            )}{' '}
            <UnreadCount count={props.unread?.teams[t.key] ?? 0} />
            <span className="count" title="Waiting for a person (not yet assigned)">
              {t.waiting}
              <span className="visually-hidden"> waiting</span>
            </span>
          </button>
        ))}
      </nav>
      {props.settings}
      <a href="/planner" className="planner-link">
        Team planner
      </a>
      <a href="/ops" className="planner-link">
        Ops console
      </a>
      <a href="/knowledge" className="planner-link">
        Knowledge
      </a>
      {PAGES.filter((page) => page.roles.includes(props.agent.role)).map((page) => (
        <a key={page.href} href={page.href} className="planner-link">
          {page.label}
        </a>
      ))}
      <button type="button" className="link help-link" onClick={props.onHelp} aria-keyshortcuts="?">
        Keyboard shortcuts (?)
      </button>
      <button type="button" className="link sign-out" onClick={props.onSignOut}>
        Sign out
      </button>
    </div>
  </aside>
);
