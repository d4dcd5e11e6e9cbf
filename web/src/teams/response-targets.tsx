/**
 * Each team's first- and next-response targets (issue 15), on the teams page: every role reads
 * them (they are what the inbox timers count against); ops and admins change them, one team at a time.
 */
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type {
  ResponseTargetsListView,
  TeamResponseTargetsView,
} from '../../../src/api/response-target-schemas.ts';
import { ApiError, apiCall } from '../shared/api.ts';

const messageOf = (error: unknown): string =>
  error instanceof ApiError ? error.message : 'Could not reach Baton. Try again.';

const TeamTargetsForm = (props: { team: TeamResponseTargetsView; onSaved: () => void }) => {
  const { team } = props;
  const [first, setFirst] = useState(String(team.firstResponseMinutes));
  const [next, setNext] = useState(String(team.nextResponseMinutes));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await apiCall('PUT', `/api/response-targets/${encodeURIComponent(team.teamKey)}`, {
        body: { firstResponseMinutes: Number(first), nextResponseMinutes: Number(next) },
      });
      setSaved(true);
      props.onSaved();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <form onSubmit={submit} aria-label={`Response targets for ${team.teamName}`}>
      <label>
        First reply within (minutes)
        <input
          type="number"
          min={1}
          step={1}
          required
          value={first}
          onChange={(e) => setFirst(e.target.value)}
        />
      </label>
      <label>
        Next reply within (minutes)
        <input
          type="number"
          min={1}
          step={1}
          required
          value={next}
          onChange={(e) => setNext(e.target.value)}
        />
      </label>
      <button type="submit">Save targets</button>
      {saved ? <span role="status">Saved.</span> : null}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
};

export const ResponseTargets = () => {
  const [list, setList] = useState<ResponseTargetsListView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    apiCall<ResponseTargetsListView>('GET', '/api/response-targets')
      .then(setList)
      .catch((e: unknown) => setError(messageOf(e)));
  }, []);
  useEffect(reload, [reload]);
  return (
    <section aria-labelledby="response-targets-heading">
      <h2 id="response-targets-heading">Response targets</h2>
      <p className="hint">
        How soon a person should reply after a handoff (first reply) and after each new customer message (next
        reply). The inbox counts down to these.
        {list
          ? ` Teams without their own use ${list.defaults.firstResponseMinutes} and ${list.defaults.nextResponseMinutes} minutes.`
          : ''}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <table className="people">
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col">{list?.canEdit ? 'Targets' : 'First reply'}</th>
            {list?.canEdit ? null : <th scope="col">Next reply</th>}
          </tr>
        </thead>
        <tbody>
          {list?.teams.map((team) => (
            <tr key={team.teamKey} data-testid="response-target-row">
              <th scope="row">
                {team.teamName} {team.isDefault ? <span className="email">(default)</span> : null}
              </th>
              {list.canEdit ? (
                <td>
                  <TeamTargetsForm key={team.teamKey} team={team} onSaved={reload} />
                </td>
              ) : (
                <>
                  <td>{team.firstResponseMinutes} min</td>
                  <td>{team.nextResponseMinutes} min</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
};
