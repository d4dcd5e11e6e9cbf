/**
 * The desk a replay or a simulation writes through: the workspace's store and live turn engine
 * with a clock the replay moves, its agents, and its quiet window. Afterwards, each replayed
 * conversation's facts and the §9 report as of the end of the replayed time.
 */

import type { ConversationFacts, MetricsReport } from '../../core/metrics/index.ts';
import {
  assumedResolutionWindowMs,
  defaultFactSettings,
  deriveConversationFacts,
  factSettingsFrom,
} from '../../core/metrics/index.ts';
import type { Workspace } from '../../core/model.ts';
import type { Store } from '../../core/ports/store.ts';
import type { AppContext } from '../context.ts';
import { workspaceMetricsSettings } from '../conversation-facts.ts';
import { createInProcessLiveBus } from '../live-bus.ts';
import { workspaceMetrics } from '../metrics-report.ts';
import type { TurnEngine } from '../turn-engine.ts';
import type { ReplayDesk } from './replay-conversation.ts';

export const openReplayDesk = async (
  store: Store,
  workspace: Workspace,
  turnEngine: TurnEngine,
  reportError: AppContext['reportError'],
): Promise<ReplayDesk> => {
  let now = new Date(0);
  const ctx: AppContext = {
    store,
    workspace,
    live: createInProcessLiveBus(),
    turnEngine,
    aiTurns: { wake: () => {}, idle: async () => {}, reserve: () => null },
    now: () => now,
    limits: { maxMessageChars: 20_000 },
    reportError,
  };
  const agents = (await store.agents.list(workspace.id))
    .filter((agent) => agent.teamKeys.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name));
  const settings = await workspaceMetricsSettings(store, workspace.id);
  return {
    ctx,
    setNow: (at) => {
      now = at;
    },
    assumedResolutionMs: assumedResolutionWindowMs(settings),
    agents,
  };
};

/** The facts of the customers' conversations, derived as the facts refresher derives them. */
export const replayedFacts = async (
  store: Store,
  workspaceId: string,
  customerIds: readonly string[],
): Promise<ReadonlyMap<string, ConversationFacts>> => {
  const settings = factSettingsFrom(
    await workspaceMetricsSettings(store, workspaceId),
    defaultFactSettings.relevanceThreshold,
  );
  const events = await store.metrics.eventsOfCustomers(workspaceId, customerIds);
  return new Map(deriveConversationFacts(events, settings).map((row) => [row.conversationId, row]));
};

/** The §9 report over every conversation of the workspace, as of `asOf` (the end of the replayed time). */
export const replayReport = (store: Store, workspaceId: string, asOf: Date): Promise<MetricsReport> =>
  workspaceMetrics(store, workspaceId, {}, asOf);
