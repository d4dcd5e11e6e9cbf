/**
 * The review queue (SPEC §8, role `qa`; ops and admins too): the week's sample and flags, one
 * conversation at a time with its transcript, sources and decision trace, and the reviewer's label
 * stored once (relabelling changes it) together with a `reviewed` event for the metrics.
 */
import type {
  ReviewConversation,
  ReviewLabelRequest,
  ReviewLabelView,
  ReviewQueue,
  ReviewQueueItem,
} from '../../api/review-schemas.ts';
import { canReview } from '../../core/auth/permissions.ts';
import { isoWeekOf } from '../../core/coaching/iso-week.ts';
import { DomainError } from '../../core/errors.ts';
import type { Agent, Conversation } from '../../core/model.ts';
import type { StoredReviewItem, StoredReviewLabel } from '../../core/ports/reviews.ts';
import { authorNameOf } from '../broadcast.ts';
import type { AppContext } from '../context.ts';
import { loadConversation } from '../load.ts';
import { authorNames } from '../ops/author-names.ts';
import { customerDisplayName, presentMessage } from '../presenters.ts';
import { saveReviewLabel } from './save-review-label.ts';
import { weekRangeOrThrow, weekSample } from './week-sample.ts';

const requireReviewer = (agent: Agent): void => {
  if (!canReview(agent))
    throw new DomainError('forbidden', 'Only the qa, ops and admin roles review AI answers.');
};

const labelView = (label: StoredReviewLabel, name: (id: string) => string): ReviewLabelView => ({
  source: label.source,
  messageId: label.messageId,
  label: label.label,
  rootCause: label.rootCause,
  correctAnswer: label.correctAnswer,
  notes: label.notes,
  authorId: label.authorId,
  authorName: name(label.authorId),
  createdAt: label.createdAt.toISOString(),
  updatedAt: label.updatedAt.toISOString(),
});

/** Flagged conversations of the week that the sample does not hold yet (flags always land in the queue). */
const lateFlags = (
  items: readonly StoredReviewItem[],
  flags: readonly StoredReviewLabel[],
  categoryOf: ReadonlyMap<string, Conversation | null>,
): StoredReviewItem[] => {
  const held = new Set(items.map((item) => item.conversationId));
  const extra = [...new Set(flags.map((flag) => flag.conversationId))].filter((id) => !held.has(id));
  return extra.map((conversationId, n) => ({
    conversationId,
    position: items.length + n,
    category: categoryOf.get(conversationId)?.category ?? 'uncategorised',
    source: 'flag',
    tier: null,
    risks: [],
    weight: 1,
  }));
};

export const reviewQueue = async (ctx: AppContext, agent: Agent, week?: string): Promise<ReviewQueue> => {
  requireReviewer(agent);
  const now = ctx.now();
  const chosen = week ?? isoWeekOf(now);
  const { start, end } = weekRangeOrThrow(chosen);
  const [sample, flags, names] = await Promise.all([
    weekSample(ctx.store, agent.workspaceId, chosen, now),
    ctx.store.reviews.listLabels(agent.workspaceId, { since: start, until: end, source: 'flag' }),
    authorNames(ctx.store, agent.workspaceId),
  ]);
  const flaggedIds = [...new Set(flags.map((flag) => flag.conversationId))];
  const conversations = await ctx.store.conversations.getByIds(flaggedIds);
  const stored = sample.items.map((item) => ({ ...item }));
  const all = [...stored, ...lateFlags(stored, flags, conversations)];
  const mine = await ctx.store.reviews.listLabels(agent.workspaceId, {
    conversationIds: all.map((item) => item.conversationId),
    source: 'review',
  });
  const myLabel = new Map(mine.filter((l) => l.authorId === agent.id).map((l) => [l.conversationId, l]));
  const sampled = await ctx.store.conversations.getByIds(
    all.map((item) => item.conversationId).filter((id) => !conversations.has(id)),
  );
  const items: ReviewQueueItem[] = await Promise.all(
    all.map(async (item) => {
      const conversation = conversations.get(item.conversationId) ?? sampled.get(item.conversationId) ?? null;
      const label = myLabel.get(item.conversationId);
      return {
        conversationId: item.conversationId,
        category: item.category,
        source: item.source,
        tier: item.tier,
        risks: [...item.risks],
        weight: item.weight,
        subject: conversation?.subject ?? null,
        label: label ? labelView(label, names) : null,
      };
    }),
  );
  return {
    week: chosen,
    stored: now >= end,
    drawnAt: sample.drawnAt.toISOString(),
    capacity: sample.capacity,
    population: sample.population,
    strata: sample.strata.map((stratum) => ({ ...stratum })),
    items,
    reviewed: items.filter((item) => item.label !== null).length,
  };
};

const dataOf = (event: { readonly data: Readonly<Record<string, unknown>> } | null) =>
  event === null ? null : { ...event.data };

export const reviewConversation = async (
  ctx: AppContext,
  agent: Agent,
  conversationId: string,
): Promise<ReviewConversation> => {
  requireReviewer(agent);
  const conversation = await loadConversation(ctx, conversationId);
  const [customer, messages, events, labels, names] = await Promise.all([
    ctx.store.customers.getById(conversation.customerId),
    ctx.store.messages.list(conversationId),
    ctx.store.events.list(conversationId),
    ctx.store.reviews.listLabels(agent.workspaceId, { conversationIds: [conversationId] }),
    authorNames(ctx.store, agent.workspaceId),
  ]);
  const latest = (type: string) => events.findLast((event) => event.type === type) ?? null;
  return {
    conversationId,
    subject: conversation.subject,
    category: conversation.category,
    customerName: customerDisplayName(customer),
    messages: await Promise.all(messages.map(async (m) => presentMessage(m, await authorNameOf(ctx, m)))),
    decision: dataOf(latest('decision_made')),
    handoff: dataOf(latest('handed_over')),
    events: events
      .filter((event) => event.type !== 'decision_made' && event.type !== 'handed_over')
      .map((event) => ({
        id: event.id,
        type: event.type,
        actor: event.actor.kind === 'agent' ? names(event.actor.id) : event.actor.kind,
        data: { ...event.data },
        at: event.at.toISOString(),
      })),
    labels: labels.map((label) => labelView(label, names)),
  };
};

/** Stores the reviewer's label (once; labelling again changes it) and a `reviewed` event, together. */
export const labelConversation = async (
  ctx: AppContext,
  agent: Agent,
  conversationId: string,
  request: ReviewLabelRequest,
): Promise<ReviewLabelView> => {
  requireReviewer(agent);
  await loadConversation(ctx, conversationId);
  const saved = await saveReviewLabel(ctx.store, {
    workspaceId: agent.workspaceId,
    conversationId,
    label: request.label,
    rootCause: request.rootCause ?? null,
    correctAnswer: request.correctAnswer?.trim() || null,
    notes: request.notes?.trim() || null,
    authorId: agent.id,
    at: ctx.now(),
  });
  return labelView(saved, await authorNames(ctx.store, agent.workspaceId));
};
