/** Writing one canned reply: its team, title and text, with the placeholders it may use listed beside it. */
import { type FormEvent, useId, useState } from 'react';
import type { CannedReplyViewBody } from '../../../src/api/canned-reply-schemas.ts';
import type { TeamDetailView } from '../../../src/api/team-schemas.ts';
import { ApiError, apiCall } from '../shared/api.ts';

/** The server's refusal in words; an unknown placeholder names itself and what may be used instead. */
const messageOf = (error: unknown): string =>
  error instanceof ApiError ? error.message : 'Could not reach Baton. Try again.';

export const CannedReplyForm = (props: {
  reply: CannedReplyViewBody | null;
  teams: readonly TeamDetailView[];
  placeholders: readonly string[];
  onSaved: () => void;
  onCancel: () => void;
}) => {
  const [teamKey, setTeamKey] = useState(props.reply?.teamKey ?? props.teams[0]?.key ?? '');
  const [title, setTitle] = useState(props.reply?.title ?? '');
  const [body, setBody] = useState(props.reply?.body ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const ids = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaving(true);
    try {
      const path = props.reply
        ? `/api/canned-replies/${encodeURIComponent(props.reply.id)}`
        : '/api/canned-replies';
      await apiCall(props.reply ? 'PUT' : 'POST', path, { body: { teamKey, title, body } });
      props.onSaved();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setSaving(false);
    }
  };

  const heading = props.reply ? `Edit “${props.reply.title}”` : 'New canned reply';
  return (
    <form className="canned-form" onSubmit={submit} aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{heading}</h2>
      {/* Labels beside, not around, their fields: a wrapped field's own value would join its name. */}
      <label htmlFor={`${ids}-team`}>Team</label>
      <select id={`${ids}-team`} value={teamKey} onChange={(e) => setTeamKey(e.target.value)} required>
        {props.teams.map((team) => (
          <option key={team.key} value={team.key}>
            {team.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${ids}-title`}>Title (what agents type to find it)</label>
      <input
        id={`${ids}-title`}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        required
        maxLength={200}
      />
      <label htmlFor={`${ids}-body`}>Reply</label>
      <textarea
        id={`${ids}-body`}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        required
        rows={6}
        aria-describedby={`${ids}-help`}
      />
      <div id={`${ids}-help`} className="placeholder-help">
        <p>
          Placeholders are filled in for each conversation; one Baton cannot fill (no name given, no lookup
          made) stays in the text for the agent to fill. You may use:
        </p>
        <ul>
          {props.placeholders.map((name) => (
            <li key={name}>
              <code>{`{{${name}}}`}</code>
            </li>
          ))}
        </ul>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {props.reply ? 'Save changes' : 'Save reply'}
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
};
