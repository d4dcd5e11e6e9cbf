/**
 * What to do with the selected conversations: resolve them, give them to a colleague, move them to a
 * team, or tag them. Each is done on its own; the bar then says how many were done and why any
 * were not, and keeps those selected.
 */
import { useEffect, useState } from 'react';
import { BULK_LIMIT, type BulkRequest, type BulkResponse } from '../../../src/api/bulk-schemas.ts';
import type { TeamView } from '../../../src/api/schemas.ts';
import { ApiError, apiCall } from '../shared/api.ts';

type Action = BulkRequest extends infer R ? (R extends { action: infer A } ? A : never) : never;

const pastTense: Record<Action, string> = {
  resolve: 'Resolved',
  assign: 'Assigned',
  move: 'Moved',
  tag: 'Tagged',
  untag: 'Untagged',
};

/** "Resolved 3. 1 was not: Leo has this conversation…" */
export const bulkOutcomeText = (action: Action, response: BulkResponse): string => {
  const done = `${pastTense[action]} ${response.done}.`;
  if (response.failed === 0) return done;
  const reasons = [
    ...new Set(response.results.flatMap((result) => (result.ok ? [] : [result.error.message]))),
  ];
  return `${done} ${response.failed} ${response.failed === 1 ? 'was' : 'were'} not: ${reasons.join(' ')}`;
};

export const BulkBar = (props: {
  selected: readonly string[];
  teams: readonly TeamView[];
  /** What was done: the ids still selected (those refused), and the text to say. */
  onDone: (stillSelected: readonly string[], outcome: string) => void;
  onClear: () => void;
}) => {
  const [colleagues, setColleagues] = useState<readonly { id: string; name: string }[]>([]);
  const [tag, setTag] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void apiCall<{ agents: { id: string; name: string }[] }>('GET', '/api/inbox/agents').then(
      (r) => setColleagues(r.agents),
      () => setColleagues([]),
    );
  }, []);

  const run = async (request: BulkRequest) => {
    setBusy(true);
    setProblem(null);
    try {
      // A selection larger than one request takes (every row of a long list) goes in parts.
      const results: BulkResponse['results'] = [];
      for (let start = 0; start < request.conversationIds.length; start += BULK_LIMIT) {
        const part = {
          ...request,
          conversationIds: request.conversationIds.slice(start, start + BULK_LIMIT),
        };
        results.push(...(await apiCall<BulkResponse>('POST', '/api/inbox/bulk', { body: part })).results);
      }
      const done = results.filter((result) => result.ok).length;
      const response: BulkResponse = { results, done, failed: results.length - done };
      props.onDone(
        response.results.flatMap((result) => (result.ok ? [] : [result.id])),
        bulkOutcomeText(request.action, response),
      );
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : 'Could not reach Baton. Try again.');
    } finally {
      setBusy(false);
    }
  };
  const conversationIds = [...props.selected];

  return (
    <section className="bulk-bar" aria-label="Selected conversations">
      <strong>{props.selected.length} selected</strong>
      <button type="button" disabled={busy} onClick={() => void run({ action: 'resolve', conversationIds })}>
        Resolve
      </button>
      <label className="bulk-choice">
        <span className="visually-hidden">Assign the selected to</span>
        <select
          disabled={busy}
          value=""
          onChange={(e) => {
            if (e.target.value) void run({ action: 'assign', conversationIds, agentId: e.target.value });
          }}
        >
          <option value="">Assign to…</option>
          {colleagues.map((colleague) => (
            <option key={colleague.id} value={colleague.id}>
              {colleague.name}
            </option>
          ))}
        </select>
      </label>
      <label className="bulk-choice">
        <span className="visually-hidden">Move the selected to a team</span>
        <select
          disabled={busy}
          value=""
          onChange={(e) => {
            if (e.target.value) void run({ action: 'move', conversationIds, teamKey: e.target.value });
          }}
        >
          <option value="">Move to team…</option>
          {props.teams.map((team) => (
            <option key={team.key} value={team.key}>
              {team.name}
            </option>
          ))}
        </select>
      </label>
      <form
        className="bulk-tag"
        onSubmit={(e) => {
          e.preventDefault();
          if (tag.trim()) void run({ action: 'tag', conversationIds, tag: tag.trim() });
        }}
      >
        <label htmlFor="bulk-tag-name" className="visually-hidden">
          Tag the selected with
        </label>
        <input id="bulk-tag-name" value={tag} placeholder="Tag" onChange={(e) => setTag(e.target.value)} />
        <button type="submit" className="secondary" disabled={busy || !tag.trim()}>
          Tag
        </button>
      </form>
      <button type="button" className="secondary" onClick={props.onClear}>
        Clear selection
      </button>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
};
