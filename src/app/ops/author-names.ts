/** Names for the authors recorded in audit trails: agent ids become the agent's name; `system` stays. */
import type { Store } from '../../core/ports/store.ts';

export type AuthorNames = (author: string) => string;

/** Looks up every agent of the workspace once, for naming the authors of a history. */
export const authorNames = async (store: Store, workspaceId: string): Promise<AuthorNames> => {
  const agents = await store.agents.list(workspaceId);
  const names = new Map(agents.map((agent) => [agent.id, agent.name]));
  return (author) => names.get(author) ?? (author === 'system' ? 'Baton (system)' : author);
};
