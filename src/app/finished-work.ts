/**
 * Finished background work is kept for a while, then deleted, so the job tables stay the size of
 * their recent past: an AI turn's job (one per customer message) is bookkeeping nobody reads once
 * the turn's events are written, and a webhook delivery's log (the ops console's Webhooks section)
 * is kept as long as the install says (BATON_WEBHOOK_LOG_DAYS), and an invitation or password-reset
 * link, once used or expired, is kept a month and then deleted with the e-mail address and name it
 * holds. Each sweep deletes in bounded batches, oldest work first as the tables hold it, so a first
 * sweep over a long history spreads over several sweeps instead of one long one.
 */
import type { Store } from '../core/ports/store.ts';

export interface RetentionSettings {
  /** Days a done or failed AI turn job is kept after it finished. */
  readonly aiJobDays: number;
  /** Days a delivered or failed webhook delivery, with its attempts, stays in the delivery log. */
  readonly webhookLogDays: number;
  /** Days an invitation or password-reset link is kept after it was used or expired unused. */
  readonly peopleLinkDays: number;
  /** How often a process sweeps (finished work of each workspace it serves, expired sign-ins). */
  readonly everyMs: number;
}

export const DEFAULT_RETENTION: RetentionSettings = {
  aiJobDays: 7,
  webhookLogDays: 30,
  peopleLinkDays: 30,
  everyMs: 10 * 60_000,
};

/** Rows one statement deletes, and statements one sweep sends per kind at most. */
const BATCH = 1000;
const MAX_BATCHES = 20;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PrunedWork {
  readonly aiJobs: number;
  readonly webhookDeliveries: number;
  readonly peopleLinks: number;
}

const inBatches = async (prune: (limit: number) => Promise<number>): Promise<number> => {
  let total = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    const deleted = await prune(BATCH);
    total += deleted;
    if (deleted < BATCH) break;
  }
  return total;
};

/** Deletes the workspace's finished work older than its retention; returns how much went. */
export const pruneFinishedWork = async (
  store: Store,
  workspaceId: string,
  now: Date,
  settings: Pick<RetentionSettings, 'aiJobDays' | 'webhookLogDays' | 'peopleLinkDays'>,
): Promise<PrunedWork> => {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const aiJobs = await inBatches((limit) =>
    store.aiTurns.pruneFinished(workspaceId, before(settings.aiJobDays), limit),
  );
  const webhookDeliveries = await inBatches((limit) =>
    store.webhooks.pruneFinished(workspaceId, before(settings.webhookLogDays), limit),
  );
  const peopleLinks = await inBatches((limit) =>
    store.peopleLinks.pruneSpent(workspaceId, before(settings.peopleLinkDays), limit),
  );
  return { aiJobs, webhookDeliveries, peopleLinks };
};
