/**
 * The canned replies page (/canned-replies): ops and admins keep each team's saved replies —
 * listed per team, created, edited and deleted, with the placeholders a reply may use.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CannedRepliesListBody, CannedReplyViewBody } from '../../../src/api/canned-reply-schemas.ts';
import type { AgentView } from '../../../src/api/schemas.ts';
import type { TeamListView } from '../../../src/api/team-schemas.ts';
import { SignIn } from '../agent/sign-in.tsx';
import { ApiError, apiCall } from '../shared/api.ts';
import { useSignedInAgent } from '../shared/use-signed-in-agent.ts';
import { CannedReplyForm } from './canned-reply-form.tsx';
import '../people/people.css';
import './canned-replies.css';

const messageOf = (error: unknown): string =>
  error instanceof ApiError ? error.message : 'Could not reach Baton. Try again.';

const ReplyRow = (props: {
  reply: CannedReplyViewBody;
  onEdit: () => void;
  onDeleted: () => void;
  onError: (message: string) => void;
}) => {
  const [confirming, setConfirming] = useState(false);
  const remove = async () => {
    try {
      await apiCall('DELETE', `/api/canned-replies/${encodeURIComponent(props.reply.id)}`);
      props.onDeleted();
    } catch (e) {
      props.onError(messageOf(e));
    }
  };
  return (
    <tr data-testid="canned-reply-row">
      <th scope="row">{props.reply.title}</th>
      <td className="canned-body-text">{props.reply.body}</td>
      <td className="actions">
        {confirming ? (
          <>
            <button type="button" onClick={() => void remove()}>
              Delete “{props.reply.title}”
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </>
        ) : (
          <>
            <button type="button" onClick={props.onEdit} aria-label={`Edit ${props.reply.title}`}>
              Edit
            </button>
            <button
              type="button"
              onClick={() => setConfirming(true)}
              aria-label={`Delete ${props.reply.title}`}
            >
              Delete
            </button>
          </>
        )}
      </td>
    </tr>
  );
};

const CannedReplies = () => {
  const [list, setList] = useState<CannedRepliesListBody | null>(null);
  const [teams, setTeams] = useState<TeamListView['teams']>([]);
  const [editing, setEditing] = useState<CannedReplyViewBody | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    Promise.all([
      apiCall<CannedRepliesListBody>('GET', '/api/canned-replies'),
      apiCall<TeamListView>('GET', '/api/teams'),
    ])
      .then(([replies, teamList]) => {
        setList(replies);
        setTeams(teamList.teams);
      })
      .catch((e: unknown) => setError(messageOf(e)));
  }, []);
  useEffect(reload, [reload]);
  if (!list) return error ? <p className="error">{error}</p> : <p className="loading">Loading…</p>;
  return (
    <>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {editing === null ? (
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          New canned reply
        </button>
      ) : (
        <CannedReplyForm
          key={editing === 'new' ? 'new' : editing.id}
          reply={editing === 'new' ? null : editing}
          teams={teams}
          placeholders={list.placeholders}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {teams.map((team) => {
        const replies = list.replies.filter((reply) => reply.teamKey === team.key);
        return (
          <section key={team.key} aria-labelledby={`team-${team.key}`} data-testid="canned-team">
            <h2 id={`team-${team.key}`}>{team.name}</h2>
            {replies.length === 0 ? (
              <p>No canned replies for this team yet.</p>
            ) : (
              <table className="people">
                <thead>
                  <tr>
                    <th scope="col">Title</th>
                    <th scope="col">Reply</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {replies.map((reply) => (
                    <ReplyRow
                      key={reply.id}
                      reply={reply}
                      onEdit={() => setEditing(reply)}
                      onDeleted={reload}
                      onError={setError}
                    />
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </>
  );
};

const mayManage = (agent: AgentView): boolean => agent.role === 'ops' || agent.role === 'admin';

export const CannedRepliesPage = () => {
  const [agent, setAgent] = useSignedInAgent();
  if (agent === undefined) return <p className="loading">Loading…</p>;
  if (!agent) return <SignIn title="Sign in to keep the canned replies" onSignedIn={setAgent} />;
  return (
    <main className="people-page canned-page">
      <h1>Canned replies</h1>
      <p>
        <a href="/agent">Back to the inbox</a> · Agents pick these in the reply box with the button or by
        typing <kbd>/</kbd> in an empty reply.
      </p>
      {mayManage(agent) ? <CannedReplies /> : <p>Canned replies are kept by ops and admins.</p>}
    </main>
  );
};
