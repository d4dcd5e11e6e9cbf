/**
 * The people page (/people): admins invite people, change roles, teams and capacity, deactivate
 * them and make password-reset links; everyone changes their own password and sees their sessions.
 */
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type { OneTimeLinkView, PeopleListView, PersonView } from '../../../src/api/company-schemas.ts';
import type { TeamView } from '../../../src/api/schemas.ts';
import { SignIn } from '../agent/sign-in.tsx';
import { ApiError, apiCall } from '../shared/api.ts';
import { useSignedInAgent } from '../shared/use-signed-in-agent.ts';
import { OwnAccount } from './own-account.tsx';
import './people.css';

const roles = ['agent', 'specialist', 'qa', 'ops', 'admin'] as const;
type Role = (typeof roles)[number];

const messageOf = (error: unknown): string =>
  error instanceof ApiError ? error.message : 'Could not reach Baton. Try again.';

const LinkShownOnce = ({ title, link }: { title: string; link: OneTimeLinkView }) => (
  <div className="one-time-link" role="status">
    <p>
      {title} Copy it now: it is shown once, works once and expires{' '}
      {new Date(link.expiresAt).toLocaleString()}.
    </p>
    <input readOnly aria-label="One-time link" value={link.url} onFocus={(e) => e.target.select()} />
  </div>
);

const InviteForm = (props: { teams: readonly TeamView[]; onInvited: (link: OneTimeLinkView) => void }) => {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [teamKeys, setTeamKeys] = useState<string[]>([]);
  const [capacity, setCapacity] = useState(3);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      props.onInvited(
        await apiCall<OneTimeLinkView>('POST', '/api/people/invitations', {
          body: { email, name, role, teamKeys, capacity },
        }),
      );
      setEmail('');
      setName('');
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <form className="invite" onSubmit={submit} aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite someone</h2>
      <label>
        Email
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
      </label>
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <label>
        Role
        <select value={role} onChange={(e) => setRole(roles.find((r) => r === e.target.value) ?? 'agent')}>
          {roles.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>Teams</legend>
        {props.teams.map((team) => (
          <label key={team.key} className="inline">
            <input
              type="checkbox"
              checked={teamKeys.includes(team.key)}
              onChange={(e) =>
                setTeamKeys(
                  e.target.checked ? [...teamKeys, team.key] : teamKeys.filter((k) => k !== team.key),
                )
              }
            />
            {team.name}
          </label>
        ))}
      </fieldset>
      <label>
        Chats at once
        <input
          type="number"
          min={0}
          max={50}
          value={capacity}
          onChange={(e) => setCapacity(Number(e.target.value))}
        />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit">Invite</button>
    </form>
  );
};

const PersonRow = (props: {
  person: PersonView;
  onChanged: () => void;
  onLink: (link: OneTimeLinkView) => void;
}) => {
  const { person } = props;
  const [error, setError] = useState<string | null>(null);
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      props.onChanged();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <tr className={person.active ? '' : 'inactive'}>
      <th scope="row">
        {person.name} {person.demo ? <span className="demo-badge">Demo account</span> : null}
        <div className="email">{person.email}</div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </th>
      <td>
        <select
          aria-label={`Role of ${person.name}`}
          value={person.role}
          disabled={!person.active}
          onChange={(e) =>
            void act(() => apiCall('PATCH', `/api/people/${person.id}`, { body: { role: e.target.value } }))
          }
        >
          {roles.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </td>
      <td>{person.teamKeys.join(', ') || '—'}</td>
      <td>{person.capacity}</td>
      <td>{person.active ? 'active' : 'deactivated'}</td>
      <td className="actions">
        {person.active ? (
          <>
            <button
              type="button"
              onClick={() =>
                void act(async () =>
                  props.onLink(
                    await apiCall<OneTimeLinkView>('POST', `/api/people/${person.id}/password-reset`),
                  ),
                )
              }
            >
              Reset password of {person.name}
            </button>
            <button
              type="button"
              onClick={() => void act(() => apiCall('POST', `/api/people/${person.id}/deactivate`))}
            >
              Deactivate {person.name}
            </button>
          </>
        ) : null}
      </td>
    </tr>
  );
};

const PeopleAdmin = () => {
  const [list, setList] = useState<PeopleListView | null>(null);
  const [teams, setTeams] = useState<readonly TeamView[]>([]);
  const [shown, setShown] = useState<{ title: string; link: OneTimeLinkView } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    apiCall<PeopleListView>('GET', '/api/people')
      .then(setList)
      .catch((e: unknown) => setError(messageOf(e)));
  }, []);
  useEffect(() => {
    reload();
    apiCall<{ teams: TeamView[] }>('GET', '/api/inbox/teams')
      .then((loaded) => setTeams(loaded.teams))
      .catch((e: unknown) => setError(messageOf(e)));
  }, [reload]);
  return (
    <section aria-labelledby="people-heading">
      <h2 id="people-heading">Everyone</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {shown ? <LinkShownOnce title={shown.title} link={shown.link} /> : null}
      <table className="people">
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Role</th>
            <th scope="col">Teams</th>
            <th scope="col">Chats at once</th>
            <th scope="col">Status</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {list?.people.map((person) => (
            <PersonRow
              key={person.id}
              person={person}
              onChanged={reload}
              onLink={(link) => setShown({ title: `Password-reset link for ${person.name}.`, link })}
            />
          ))}
        </tbody>
      </table>
      {list && list.invitations.length > 0 ? (
        <>
          <h3>Invited, not joined yet</h3>
          <ul>
            {list.invitations.map((i) => (
              <li key={`${i.email}-${i.expiresAt}`}>
                {i.name} ({i.email}), {i.role}, until {new Date(i.expiresAt).toLocaleDateString()}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <InviteForm
        teams={teams}
        onInvited={(link) => {
          setShown({ title: 'Invitation link.', link });
          reload();
        }}
      />
    </section>
  );
};

export const PeoplePage = () => {
  const [agent, setAgent] = useSignedInAgent();
  if (agent === undefined) return <p className="loading">Loading…</p>;
  if (!agent) return <SignIn title="Sign in to manage people" onSignedIn={setAgent} />;
  return (
    <main className="people-page">
      <h1>People</h1>
      <p>
        <a href="/agent">Back to the inbox</a> · <a href="/teams">Teams</a> ·{' '}
        <a href="/knowledge">Knowledge</a>
      </p>
      {agent.role === 'admin' ? <PeopleAdmin /> : null}
      <OwnAccount />
    </main>
  );
};
