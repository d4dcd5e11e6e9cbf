/** Builds the live AI turn engine for a workspace: its policy, category model, knowledge and lookups. */
import { createRetrievalAnswerer, createStoreKnowledgeSearch } from '../adapters/ai/retrieval-answerer.ts';
import type { IntegrationConfig, Secrets } from '../adapters/integrations/index.ts';
import { createTriageTurnEngine } from '../adapters/turn/triage-turn-engine.ts';
import { currentTemplatesOverride } from '../app/ops/handoff-templates.ts';
import type { TurnEngine } from '../app/turn-engine.ts';
import { createWorkspaceTriage } from '../app/workspace-triage.ts';
import type { Workspace } from '../core/model.ts';
import type { Answerer } from '../core/ports/answerer.ts';
import type { Store } from '../core/ports/store.ts';

export interface LookupSettings {
  readonly integrations: readonly IntegrationConfig[];
  readonly secrets: Secrets;
}

/** The workspace's turn engine; the answerer is the embedded one unless the caller chooses (answerer-factory.ts). */
export const buildTurnEngine = (
  store: Store,
  workspace: Workspace,
  lookups: LookupSettings,
  answerer: Answerer = createRetrievalAnswerer(createStoreKnowledgeSearch(store, workspace.id)),
): TurnEngine => {
  const triage = createWorkspaceTriage(store, workspace.id);
  return createTriageTurnEngine({
    triage: () => triage.load(),
    answerer,
    integrations: lookups.integrations,
    secrets: lookups.secrets,
    templates: () => currentTemplatesOverride(store, workspace.id),
  });
};
