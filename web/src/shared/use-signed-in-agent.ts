/** Who is signed in: `undefined` while asking, `null` when nobody is, the agent otherwise. */
import { useEffect, useState } from 'react';
import type { AgentView } from '../../../src/api/schemas.ts';
import { apiCall } from './api.ts';

export const useSignedInAgent = () => {
  const [agent, setAgent] = useState<AgentView | null | undefined>(undefined);
  useEffect(() => {
    apiCall<AgentView>('GET', '/api/agents/me')
      .then(setAgent)
      .catch(() => setAgent(null));
  }, []);
  return [agent, setAgent] as const;
};
