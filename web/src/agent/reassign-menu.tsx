/** Hand the conversation to a colleague, or back to a team's queue. */
import { useEffect, useState } from 'react';
import type { ColleagueView, TeamView } from '../../../src/api/schemas.ts';
import { apiCall } from '../shared/api.ts';

export const ReassignMenu = (props: {
  currentAssigneeId: string | null;
  onReassign: (target: object) => void;
}) => {
  const [teams, setTeams] = useState<TeamView[]>([]);
  const [agents, setAgents] = useState<ColleagueView[]>([]);

  useEffect(() => {
    void Promise.all([
      apiCall<{ teams: TeamView[] }>('GET', '/api/inbox/teams'),
      apiCall<{ agents: ColleagueView[] }>('GET', '/api/inbox/agents'),
    ]).then(([t, a]) => {
      setTeams(t.teams);
      setAgents(a.agents);
    });
  }, []);

  return (
    <select
      aria-label="Reassign"
      value=""
      onChange={(event) => {
        const [kind, id] = event.target.value.split(':');
        if (kind === 'agent' && id) props.onReassign({ agentId: id });
        if (kind === 'team' && id) props.onReassign({ teamKey: id });
      }}
    >
      <option value="">Reassign…</option>
      <optgroup label="To a person">
        {agents
          .filter((a) => a.id !== props.currentAssigneeId)
          .map((a) => (
            <option key={a.id} value={`agent:${a.id}`}>
              {a.name} ({a.status})
            </option>
          ))}
      </optgroup>
      <optgroup label="Back to a team queue">
        {teams.map((t) => (
          <option key={t.key} value={`team:${t.key}`}>
            {t.name}
          </option>
        ))}
      </optgroup>
    </select>
  );
};
