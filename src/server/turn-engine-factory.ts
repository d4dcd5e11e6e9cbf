/**
 * Builds the live AI turn engine for a workspace: its cached policy, category model (trained on a
 * worker thread), handoff wording and knowledge, an answerer, and account lookups.
 */
import {
  createRetrievalAnswerer,
  createStoreKnowledgeSearch,
  type KnowledgeSearch,
} from '../adapters/ai/retrieval-answerer.ts';
import type { IntegrationConfig, Secrets } from '../adapters/integrations/index.ts';
import { workerCategoryTrainer } from '../adapters/turn/category-trainer.ts';
import { createTriageTurnEngine } from '../adapters/turn/triage-turn-engine.ts';
import type { TurnEngine } from '../app/turn-engine.ts';
import {
  type CategoryTrainer,
  createWorkspaceTriage,
  type WorkspaceTriageCache,
} from '../app/workspace-triage.ts';
import type { Workspace } from '../core/model.ts';
import type { Answerer } from '../core/ports/answerer.ts';
import type { Store } from '../core/ports/store.ts';

export interface LookupSettings {
  readonly integrations: readonly IntegrationConfig[];
  readonly secrets: Secrets;
}

export interface TurnEngineOptions {
  /** Where the category model trains; a worker thread unless given. */
  readonly trainer?: CategoryTrainer;
  /** Failures of background work (training, warming the caches) that no turn is waiting for. */
  readonly reportError?: (error: unknown, context: Record<string, unknown>) => void;
  /**
   * The answerer over the workspace's knowledge search (answerer-factory.ts chooses the embedded
   * one or a model); the embedded retrieval answerer without it.
   */
  readonly answerer?: (search: KnowledgeSearch) => Answerer;
}

export interface BuiltTurnEngine extends TurnEngine {
  /** The workspace's cached triage inputs (tests and benchmarks wait on `settled()`). */
  readonly triage: WorkspaceTriageCache;
}

/** Up to this many published articles a turn ranks the whole knowledge base in memory. */
export const memoryRankedArticles = 2_000;

export const buildTurnEngine = (
  store: Store,
  workspace: Workspace,
  lookups: LookupSettings,
  options: TurnEngineOptions = {},
): BuiltTurnEngine => {
  const reportError = options.reportError ?? (() => {});
  const triage = createWorkspaceTriage(store, workspace.id, {
    trainer: options.trainer ?? workerCategoryTrainer,
    reportError,
  });
  // The corpus the scores are computed over is the cached copy, read again only when an article
  // changes. A knowledge base of ordinary size is ranked whole in memory (what `baton triage`
  // does): proposing candidates with the store's full-text search would cost a round trip per
  // turn for a list the scorer ranks as fast itself. Only a very large one is narrowed there first.
  const storeSearch = createStoreKnowledgeSearch(store, workspace.id);
  const search: KnowledgeSearch = {
    async candidates(question) {
      const corpus = await triage.articles();
      return corpus.length <= memoryRankedArticles ? corpus : storeSearch.candidates(question);
    },
    corpus: () => triage.articles(),
  };
  const engine = createTriageTurnEngine({
    triage: () => triage.load(),
    answerer: options.answerer ? options.answerer(search) : createRetrievalAnswerer(search),
    integrations: lookups.integrations,
    secrets: lookups.secrets,
  });
  // Read and train before the first customer asks, so the first turn does not wait for it.
  triage.load().catch((error: unknown) => reportError(error, { during: 'turn_engine_warm_up' }));
  return { run: (input) => engine.run(input), triage };
};
