/**
 * A workspace's LLM settings (issue 11), kept as a versioned workspace setting: which answerer it
 * uses and its own endpoint, model and API key (sealed with a key derived from BATON_SECRET).
 * Ops and admins change them; the key is never shown again. The settings page is a later issue's;
 * this is its API.
 */

import { openSecret, type SealedSecret, sealSecret } from '../../adapters/crypto/secret-box.ts';
import type {
  LlmConnectionResultView,
  LlmSettingsView,
  SaveLlmSettingsRequest,
  TestLlmConnectionRequest,
} from '../../api/llm-settings-schemas.ts';
import { canChangePolicy } from '../../core/auth/permissions.ts';
import { DomainError } from '../../core/errors.ts';
import type { Agent } from '../../core/model.ts';
import type { Store } from '../../core/ports/store.ts';

export const LLM_SETTINGS_KEY = 'llm_provider';
/** Binds the sealed key to its use: it opens for nothing else. */
const KEY_PURPOSE = 'workspace llm api key';

export interface WorkspaceLlmSetting {
  readonly mode: 'environment' | 'embedded' | 'llm';
  readonly baseUrl: string | null;
  readonly model: string | null;
  readonly apiKey: SealedSecret | null;
}

/** The endpoint BATON_LLM_* configure, if any. */
export interface EnvironmentLlm {
  readonly baseUrl: string;
  readonly model: string;
}

const isSealed = (value: unknown): value is SealedSecret =>
  typeof value === 'object' &&
  value !== null &&
  'v' in value &&
  value.v === 1 &&
  'iv' in value &&
  typeof value.iv === 'string' &&
  'tag' in value &&
  typeof value.tag === 'string' &&
  'data' in value &&
  typeof value.data === 'string';

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The stored setting read defensively (what is stored was validated when saved, by an older Baton perhaps). */
export const parseLlmSetting = (value: unknown): WorkspaceLlmSetting | null => {
  if (typeof value !== 'object' || value === null || !('mode' in value)) return null;
  const mode = value.mode;
  if (mode !== 'environment' && mode !== 'embedded' && mode !== 'llm') return null;
  const record: Record<string, unknown> = { ...value };
  return {
    mode,
    baseUrl: text(record.baseUrl),
    model: text(record.model),
    apiKey: isSealed(record.apiKey) ? record.apiKey : null,
  };
};

/** The workspace's current setting and its version, or null before the first save. */
export const currentLlmSetting = async (store: Store, workspaceId: string) => {
  const current = await store.settings.current(workspaceId, LLM_SETTINGS_KEY);
  const setting = current ? parseLlmSetting(current.value) : null;
  return current && setting ? { setting, version: current.version, current } : null;
};

/** The stored API key in clear, for the provider only; null when none is stored or it no longer opens. */
export const openLlmApiKey = (secret: string, setting: WorkspaceLlmSetting): string | null =>
  setting.apiKey ? openSecret(secret, KEY_PURPOSE, setting.apiKey) : null;

const effectiveOf = (setting: WorkspaceLlmSetting | null, environment: EnvironmentLlm | null) => {
  if (setting?.mode === 'llm')
    return { answerer: 'llm' as const, baseUrl: setting.baseUrl, model: setting.model };
  if (setting?.mode !== 'embedded' && environment)
    return { answerer: 'llm' as const, baseUrl: environment.baseUrl, model: environment.model };
  return { answerer: 'embedded' as const, baseUrl: null, model: null };
};

/** What ops see: the mode, the endpoint, whether a key is set (never the key), and what the next turn uses. */
export const llmSettingsView = async (
  store: Store,
  workspaceId: string,
  environment: EnvironmentLlm | null,
): Promise<LlmSettingsView> => {
  const found = await currentLlmSetting(store, workspaceId);
  const setting = found?.setting ?? null;
  return {
    mode: setting?.mode ?? 'environment',
    effective: effectiveOf(setting, environment),
    baseUrl: setting?.baseUrl ?? null,
    model: setting?.model ?? null,
    hasApiKey: setting?.apiKey !== null && setting?.apiKey !== undefined,
    version: found?.version ?? 0,
    savedAt: found?.current.createdAt.toISOString() ?? null,
    savedBy: found?.current.author ?? null,
  };
};

/** Saves a new version (ops and admins); a new key is sealed, `null` removes it, absent keeps it. */
export const saveLlmSettings = async (
  store: Store,
  agent: Agent,
  input: SaveLlmSettingsRequest,
  deps: { readonly secret: string; readonly environment: EnvironmentLlm | null; readonly now: Date },
): Promise<LlmSettingsView> => {
  if (!canChangePolicy(agent))
    throw new DomainError('forbidden', 'Only ops and admins change the LLM settings. Ask one of them.');
  const previous = await currentLlmSetting(store, agent.workspaceId);
  const apiKey =
    input.apiKey === undefined
      ? (previous?.setting.apiKey ?? null)
      : input.apiKey === null
        ? null
        : sealSecret(deps.secret, KEY_PURPOSE, input.apiKey);
  const value: WorkspaceLlmSetting = {
    mode: input.mode,
    baseUrl: input.baseUrl ?? null,
    model: input.model ?? null,
    apiKey,
  };
  await store.settings.publish({
    workspaceId: agent.workspaceId,
    key: LLM_SETTINGS_KEY,
    value,
    author: agent.id,
    note: input.note ?? null,
    at: deps.now,
    // The kept key came from `previous`: a save made from an older version is refused, so a key a
    // colleague just set (or removed) is neither lost nor brought back.
    ...(input.basedOnVersion === undefined ? {} : { ifCurrent: input.basedOnVersion }),
  });
  return llmSettingsView(store, agent.workspaceId, deps.environment);
};

/** Calls a model endpoint once (the adapter's connection check). */
export type LlmConnectionCheck = (endpoint: {
  readonly baseUrl: string;
  readonly model: string;
  readonly apiKey: string | null;
}) => Promise<LlmConnectionResultView>;

/**
 * "Test connection" (ops and admins): calls the endpoint and model on the form, with the key typed
 * there or else the stored one, before anything is saved.
 */
export const testLlmConnection = async (
  store: Store,
  agent: Agent,
  input: TestLlmConnectionRequest,
  deps: { readonly secret: string; readonly check: LlmConnectionCheck },
): Promise<LlmConnectionResultView> => {
  if (!canChangePolicy(agent))
    throw new DomainError('forbidden', 'Only ops and admins test the LLM connection. Ask one of them.');
  const stored = await currentLlmSetting(store, agent.workspaceId);
  const apiKey = input.apiKey ?? (stored ? openLlmApiKey(deps.secret, stored.setting) : null);
  return deps.check({ baseUrl: input.baseUrl, model: input.model, apiKey });
};
