/**
 * Which answerer a workspace uses (issue 11): its own LLM setting when ops saved one, else the
 * model BATON_LLM_* configure, else the embedded retrieval answerer. The setting is re-read at
 * most every few seconds, so a saved change reaches the next turns without a restart.
 */
import {
  createOpenAiCompatibleAnswerer,
  type LlmCallRecord,
  type LlmSettings,
} from '../adapters/ai/openai-compatible-answerer.ts';
import {
  createRetrievalAnswerer,
  createStoreKnowledgeSearch,
  type KnowledgeSearch,
} from '../adapters/ai/retrieval-answerer.ts';
import { currentLlmSetting, openLlmApiKey } from '../app/ops/llm-settings.ts';
import type { Answerer } from '../core/ports/answerer.ts';
import type { Store } from '../core/ports/store.ts';
import type { LlmConfig } from './config.ts';

export interface AnswererSettings {
  /** The model BATON_LLM_* configure; null for the embedded answerer. */
  readonly environment: LlmConfig | null;
  /** BATON_SECRET: opens a workspace's sealed API key. */
  readonly secret: string;
  /** Every model call's outcome (logs and counters). */
  readonly observe?: (record: LlmCallRecord) => void;
}

const defaults = { timeoutMs: 15_000, maxRetries: 1, prices: null } as const;

/** The answerer the environment alone chooses (`baton triage`, tests). */
export const environmentAnswerer = (
  search: KnowledgeSearch,
  settings: Pick<AnswererSettings, 'environment' | 'observe'>,
): Answerer =>
  settings.environment
    ? createOpenAiCompatibleAnswerer({
        settings: settings.environment,
        search,
        ...(settings.observe ? { observe: settings.observe } : {}),
      })
    : createRetrievalAnswerer(search);

/** A workspace's answerer, following its saved LLM setting. */
export const buildWorkspaceAnswerer = (
  store: Store,
  workspaceId: string,
  settings: AnswererSettings,
  options: {
    readonly refreshMs?: number;
    readonly now?: () => number;
    /** The workspace's knowledge search (the turn engine's cached one); the store's without it. */
    readonly search?: KnowledgeSearch;
  } = {},
): Answerer => {
  const refreshMs = options.refreshMs ?? 5_000;
  const now = options.now ?? Date.now;
  const search = options.search ?? createStoreKnowledgeSearch(store, workspaceId);
  const embedded = createRetrievalAnswerer(search);
  const fromEnvironment = environmentAnswerer(search, settings);
  let chosen: { at: number; version: number; answerer: Answerer } | null = null;

  const forWorkspace = async (): Promise<Answerer> => {
    if (chosen && now() - chosen.at < refreshMs) return chosen.answerer;
    const found = await currentLlmSetting(store, workspaceId);
    const version = found?.version ?? 0;
    if (chosen && chosen.version === version) {
      chosen = { ...chosen, at: now() };
      return chosen.answerer;
    }
    const setting = found?.setting;
    let answerer = fromEnvironment;
    if (setting?.mode === 'embedded') answerer = embedded;
    if (setting?.mode === 'llm' && setting.baseUrl && setting.model) {
      const llm: LlmSettings = {
        ...(settings.environment ?? defaults),
        baseUrl: setting.baseUrl,
        model: setting.model,
        apiKey: openLlmApiKey(settings.secret, setting),
      };
      answerer = createOpenAiCompatibleAnswerer({
        settings: llm,
        search,
        ...(settings.observe ? { observe: settings.observe } : {}),
      });
    }
    chosen = { at: now(), version, answerer };
    return answerer;
  };

  return {
    draft: async (request) => (await forWorkspace()).draft(request),
    retrieve: async (request) => {
      const answerer = await forWorkspace();
      return answerer.retrieve ? answerer.retrieve(request) : { confidence: 0, tried: [] };
    },
  };
};
