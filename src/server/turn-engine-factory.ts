/** Builds the live AI turn engine for a workspace from its store (knowledge, policy). */

import { createRetrievalAnswerer, createStoreKnowledgeSearch } from '../adapters/ai/retrieval-answerer.ts';
import { createInterimTurnEngine } from '../adapters/turn/interim-turn-engine.ts';
import type { TurnEngine } from '../app/turn-engine.ts';
import type { Workspace } from '../core/model.ts';
import type { Store } from '../core/ports/store.ts';

export const buildTurnEngine = async (store: Store, workspace: Workspace): Promise<TurnEngine> => {
  const answerer = createRetrievalAnswerer(createStoreKnowledgeSearch(store, workspace.id));
  return createInterimTurnEngine(answerer, 'orders');
};
