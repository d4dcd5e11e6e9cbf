/**
 * Keeps `conversation_facts` current (issue 13): every written event marks its conversation stale
 * (a trigger, in the writer's transaction); this takes the marked conversations in batches (a short
 * statement of its own, so no event writer waits for the refresh) and derives the facts of their
 * conversations again with the pure core, in one transaction with removing the marks — with those
 * of the same customer's conversations near them in time whose facts they can change (a new
 * conversation can make an earlier one a recontact; `recountScope` says which), not the customer's
 * whole history. Late events are handled the same way: they mark, the next refresh counts them.
 */
import { defaultFactSettings, deriveConversationFacts, recountScope } from '../core/metrics/index.ts';
import {
  factSettingsFrom,
  METRICS_SETTINGS_KEY,
  type MetricsSettings,
  parseMetricsSettings,
} from '../core/metrics/metrics-settings.ts';
import type { Store } from '../core/ports/store.ts';

/**
 * Conversations taken per batch: small enough that on an embedded database (one connection) a live
 * turn queued behind a refresh batch waits milliseconds, not the whole refresh.
 */
const BATCH = 25;
/** Batches per call, so steady traffic cannot keep one refresh going for ever. */
const MAX_BATCHES = 400;
/**
 * How long the marks a refresh took stay its own: far longer than a batch takes, so only a refresher
 * that died (its process killed between taking and saving) loses them to another.
 */
export const STALE_MARK_LEASE_MS = 5 * 60_000;

/** The workspace's `metrics` setting with defaults; a saved document that no longer validates counts as none. */
export const workspaceMetricsSettings = async (
  store: Store,
  workspaceId: string,
): Promise<MetricsSettings> => {
  const saved = await store.settings.current(workspaceId, METRICS_SETTINGS_KEY);
  const parsed = parseMetricsSettings(saved?.value ?? {});
  if (parsed.kind === 'valid') return parsed.settings;
  const defaults = parseMetricsSettings({});
  if (defaults.kind !== 'valid') throw new Error('the default metrics settings do not validate');
  return defaults.settings;
};

/** How long a refresh may go on taking batches (at least one is always done); without it, to the end. */
export interface RefreshBudget {
  readonly budgetMs?: number;
}

/**
 * How long a report read over HTTP may spend counting changed conversations first. Ordinary traffic
 * leaves a few dozen to count; a backlog (every conversation after the counting settings changed)
 * is left to the periodic refresh, and the report says how many are still waiting.
 */
export const HTTP_REFRESH_BUDGET: RefreshBudget = { budgetMs: 1500 };

/**
 * Derives the facts of every stale conversation of the workspace, or as many as the budget allows
 * (the periodic refresh does the rest); returns how many customers it did.
 */
export const refreshConversationFacts = async (
  store: Store,
  workspaceId: string,
  { budgetMs }: RefreshBudget = {},
): Promise<number> => {
  const stopAt = budgetMs === undefined ? Number.POSITIVE_INFINITY : performance.now() + budgetMs;
  const settings = factSettingsFrom(
    await workspaceMetricsSettings(store, workspaceId),
    defaultFactSettings.relevanceThreshold,
  );
  let customers = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    if (batch > 0 && performance.now() >= stopAt) break;
    const take = await store.metrics.takeStale(workspaceId, BATCH, STALE_MARK_LEASE_MS);
    if (take.customerIds.length === 0) break;
    try {
      await store.transaction(async (tx) => {
        // Only the changed conversations' neighbourhood in time, not each customer's whole history.
        const spans = await tx.metrics.conversationSpans(workspaceId, take.customerIds);
        const scope = recountScope(spans, new Set(take.conversationIds), settings.recontactWindowMs);
        const events = [...(await tx.events.listOf([...scope.read])).values()].flat();
        const facts = deriveConversationFacts(events, settings);
        await tx.metrics.saveFacts(
          workspaceId,
          facts.filter((row) => scope.save.has(row.conversationId)),
        );
        await tx.metrics.clearStale(take);
      });
    } catch (error) {
      await store.metrics.releaseStale(take).catch(() => undefined);
      throw error;
    }
    customers += take.customerIds.length;
    // Let the work that queued behind this batch (a customer's message, a turn's outcome) go first.
    await new Promise((resolve) => setImmediate(resolve));
  }
  // The days those facts fall on (a late event's too) are rebuilt in the daily rollup.
  await store.metrics.refreshDays(workspaceId);
  return customers;
};
