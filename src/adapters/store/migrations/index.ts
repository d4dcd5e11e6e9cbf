/** Every migration, in the order they apply. Append new ones; never edit or reorder applied ones. */
import type { QueryExecutorProvider } from 'kysely';
import * as initialSchema from './0001-initial-schema.ts';
import * as workspaceSettings from './0002-workspace-settings.ts';
import * as aiTurnJobs from './0003-ai-turn-jobs.ts';
import * as demoMarks from './0010-demo-marks.ts';
import * as people from './0011-people.ts';
import * as articleVersions from './0012-article-versions.ts';
import * as workspaceOrder from './0013-workspace-order.ts';
import * as apiKeys from './0015-api-keys.ts';
import * as rateLimits from './0020-rate-limits.ts';
import * as webhooks from './0025-webhooks.ts';
import * as conversationFacts from './0030-conversation-facts.ts';
import * as staleConversationFacts from './0031-stale-conversation-facts.ts';
import * as oneRatingPerResolution from './0032-one-rating-per-resolution.ts';
import * as oneRatingRequestPerResolution from './0033-one-rating-request-per-resolution.ts';
import * as reviewSamplesAndLabels from './0041-review-samples-and-labels.ts';
import * as conversationSearch from './0050-conversation-search.ts';
import * as cannedReplies from './0051-canned-replies.ts';
import * as conversationHolds from './0052-conversation-holds.ts';
import * as conversationReads from './0056-conversation-reads.ts';
import * as changeNotices from './0070-change-notices.ts';
import * as policyRestoredFrom from './0071-policy-restored-from.ts';
import * as holdTriggerLock from './0072-hold-trigger-lock.ts';
import * as conversationTags from './0073-conversation-tags.ts';
import * as conversationFactsDaily from './0074-conversation-facts-daily.ts';
import * as factsMarksTaken from './0075-facts-marks-taken.ts';
import * as resolvedListOrder from './0076-resolved-list-order.ts';

export interface Migration {
  readonly name: string;
  /** Receives the migration transaction; migrations use plain SQL, independent of today's table types. */
  up(db: QueryExecutorProvider): Promise<void>;
}

export const migrations: readonly Migration[] = [
  initialSchema,
  workspaceSettings,
  aiTurnJobs,
  demoMarks,
  people,
  articleVersions,
  workspaceOrder,
  apiKeys,
  rateLimits,
  webhooks,
  conversationFacts,
  staleConversationFacts,
  oneRatingPerResolution,
  oneRatingRequestPerResolution,
  reviewSamplesAndLabels,
  // In name order: the migrations of a wave's number ranges sit between the older ones.
  conversationSearch,
  cannedReplies,
  conversationHolds,
  conversationReads,
  changeNotices,
  policyRestoredFrom,
  holdTriggerLock,
  conversationTags,
  conversationFactsDaily,
  factsMarksTaken,
  resolvedListOrder,
];
