/**
 * The teams page (/teams): ops and admins see every team with the categories it owns, its hours,
 * holidays and whether it is open now; admins create and edit teams.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AgentView } from '../../../src/api/schemas.ts';
import type { TeamDetailView, TeamListView } from '../../../src/api/team-schemas.ts';
import { SignIn } from '../agent/sign-in.tsx';
import { ApiError, apiCall } from '../shared/api.ts';
import { useSignedInAgent } from '../shared/use-signed-in-agent.ts';
import { ResponseTargets } from './response-targets.tsx';
import { TeamForm } from './team-form.tsx';
import '../people/people.css';

const hoursText = (team: TeamDetailView): string => {
  const hours = team.businessHours;
  const days = Object.entries(hours?.days ?? {});
  if (!hours || days.length === 0) return 'open at all hours';
  const names = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const week = days.map(([day, window]) => `${names[Number(day)]} ${window[0]}–${window[1]}`).join(', ');
  return `${week} (${hours.timeZone})`;
};

const Teams = ({ agent }: { agent: AgentView }) => {
  const [list, setList] = useState<TeamListView | null>(null);
  const [editing, setEditing] = useState<TeamDetailView | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    apiCall<TeamListView>('GET', '/api/teams')
      .then(setList)
      .catch((e: unknown) =>
        setError(e instanceof ApiError ? e.message : 'Could not reach Baton. Try again.'),
      );
  }, []);
  useEffect(reload, [reload]);
  const isAdmin = agent.role === 'admin';
  return (
    <section aria-labelledby="teams-heading">
      <h2 id="teams-heading">Teams</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <table className="people">
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col">Categories</th>
            <th scope="col">Hours</th>
            <th scope="col">Holidays</th>
            <th scope="col">Now</th>
            {isAdmin ? <th scope="col">Actions</th> : null}
          </tr>
        </thead>
        <tbody>
          {list?.teams.map((team) => (
            <tr key={team.key}>
              <th scope="row">
                {team.name} <span className="email">({team.key})</span>
              </th>
              <td>{team.categories.join(', ') || 'none'}</td>
              <td>{hoursText(team)}</td>
              <td>{team.businessHours?.holidays.join(', ') || 'none'}</td>
              <td>{team.open ? 'open' : 'closed'}</td>
              {isAdmin ? (
                <td>
                  <button type="button" onClick={() => setEditing(team)} aria-label={`Edit ${team.name}`}>
                    Edit
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {isAdmin && editing === null ? (
        <button type="button" onClick={() => setEditing('new')}>
          New team
        </button>
      ) : null}
      {isAdmin && editing !== null && list ? (
        <TeamForm
          key={editing === 'new' ? 'new' : editing.key}
          team={editing === 'new' ? null : editing}
          categories={list.categories}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      ) : null}
    </section>
  );
};

export const TeamsPage = () => {
  const [agent, setAgent] = useSignedInAgent();
  if (agent === undefined) return <p className="loading">Loading…</p>;
  if (!agent) return <SignIn title="Sign in to see the teams" onSignedIn={setAgent} />;
  return (
    <main className="people-page">
      <h1>Teams</h1>
      <p>
        <a href="/agent">Back to the inbox</a> · <a href="/people">People</a>
      </p>
      {agent.role === 'admin' || agent.role === 'ops' ? (
        <Teams agent={agent} />
      ) : (
        <p>Teams are for ops and admins.</p>
      )}
      <ResponseTargets />
    </main>
  );
};
