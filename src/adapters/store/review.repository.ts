/** Review samples (one per workspace and week) and review labels (one per labeller, source and message). */
import type { ColumnType, Selectable } from 'kysely';
import { z } from 'zod';
import {
  type ReviewLabel,
  type RootCause,
  reviewLabels,
  rootCauses,
} from '../../core/coaching/escalation-need.ts';
import { riskFactors } from '../../core/coaching/review-sampling/risk-factors.ts';
import { DomainError } from '../../core/errors.ts';
import type {
  NewReviewLabel,
  ReviewRepository,
  StoredReviewItem,
  StoredReviewLabel,
  StoredReviewSample,
} from '../../core/ports/reviews.ts';
import { atomically } from './atomically.ts';
import type { Db } from './database.ts';
import { isUuid, oneOf } from './row-values.ts';

type Timestamp = ColumnType<Date, Date | undefined, Date>;
type Jsonb = ColumnType<unknown, string | undefined, string>;

/** The tables of migration 0041. */
export interface ReviewSampleTable {
  workspace_id: string;
  week: string;
  drawn_at: Timestamp;
  capacity: number;
  population: number;
  strata: Jsonb;
}

export interface ReviewSampleItemTable {
  workspace_id: string;
  week: string;
  conversation_id: string;
  position: number;
  category: string;
  source: string;
  tier: string | null;
  risks: Jsonb;
  weight: number;
}

export interface ReviewLabelTable {
  id: ColumnType<string, string | undefined, never>;
  workspace_id: string;
  conversation_id: string;
  message_id: string | null;
  source: string;
  label: string;
  root_cause: string | null;
  correct_answer: string | null;
  notes: string | null;
  author_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

type ReviewTables = {
  review_samples: ReviewSampleTable;
  review_sample_items: ReviewSampleItemTable;
  review_labels: ReviewLabelTable;
};

// The schema's CHECKs hold these; parsing says so loudly if the rows were changed behind Baton's back.
const strataSchema = z.array(
  z.object({
    category: z.string(),
    tier: z.enum(['risky', 'routine']),
    population: z.number(),
    sampled: z.number(),
    weight: z.number().nullable(),
  }),
);
const risksSchema = z.array(z.enum(riskFactors));

const toItem = (row: Selectable<ReviewSampleItemTable>): StoredReviewItem => ({
  conversationId: row.conversation_id,
  position: row.position,
  category: row.category,
  source: oneOf(['flag', 'sample'] as const, row.source, 'review item source'),
  tier: row.tier === null ? null : oneOf(['risky', 'routine'] as const, row.tier, 'review item tier'),
  risks: risksSchema.parse(row.risks),
  weight: row.weight,
});

const toLabel = (row: Selectable<ReviewLabelTable>): StoredReviewLabel => ({
  id: row.id,
  workspaceId: row.workspace_id,
  conversationId: row.conversation_id,
  messageId: row.message_id,
  source: oneOf(['review', 'flag'] as const, row.source, 'review label source'),
  label: oneOf<ReviewLabel>(reviewLabels, row.label, 'review label'),
  rootCause: row.root_cause === null ? null : oneOf<RootCause>(rootCauses, row.root_cause, 'root cause'),
  correctAnswer: row.correct_answer,
  notes: row.notes,
  authorId: row.author_id,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const readSample = async (db: Db, workspaceId: string, week: string): Promise<StoredReviewSample | null> => {
  const tables = db.withTables<ReviewTables>();
  const header = await tables
    .selectFrom('review_samples')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('week', '=', week)
    .executeTakeFirst();
  if (header === undefined) return null;
  const items = await tables
    .selectFrom('review_sample_items')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('week', '=', week)
    .orderBy('position')
    .execute();
  return {
    workspaceId,
    week,
    drawnAt: header.drawn_at,
    capacity: header.capacity,
    population: header.population,
    strata: strataSchema.parse(header.strata),
    items: items.map(toItem),
  };
};

/** Throws `not_found` unless the conversation (and message, when given) belong to the workspace. */
const checkLabelled = async (db: Db, label: NewReviewLabel): Promise<void> => {
  if (!isUuid(label.conversationId) || (label.messageId !== null && !isUuid(label.messageId)))
    throw new DomainError('not_found', 'No such conversation or message: the ids are not Baton ids.');
  const conversation = await db
    .selectFrom('conversations')
    .select('id')
    .where('id', '=', label.conversationId)
    .where('workspace_id', '=', label.workspaceId)
    .executeTakeFirst();
  if (conversation === undefined)
    throw new DomainError('not_found', `No conversation ${label.conversationId} in this workspace.`);
  if (label.messageId === null) return;
  const message = await db
    .selectFrom('messages')
    .select('id')
    .where('id', '=', label.messageId)
    .where('conversation_id', '=', label.conversationId)
    .executeTakeFirst();
  if (message === undefined)
    throw new DomainError('not_found', `No message ${label.messageId} in this conversation.`);
};

const saveLabel = (base: Db, label: NewReviewLabel) =>
  atomically(base, async (db) => {
    await checkLabelled(db, label);
    const tables = db.withTables<ReviewTables>();
    // The same labeller, source and message: the earlier label, locked so a concurrent relabel waits.
    const earlier = await tables
      .selectFrom('review_labels')
      .selectAll()
      .where('conversation_id', '=', label.conversationId)
      .where('author_id', '=', label.authorId)
      .where('source', '=', label.source)
      .where((eb) =>
        label.messageId === null ? eb('message_id', 'is', null) : eb('message_id', '=', label.messageId),
      )
      .forUpdate()
      .executeTakeFirst();
    const at = label.at ?? new Date();
    const fields = {
      label: label.label,
      root_cause: label.rootCause,
      correct_answer: label.correctAnswer,
      notes: label.notes,
      updated_at: at,
    };
    const row = await tables
      .insertInto('review_labels')
      .values({
        workspace_id: label.workspaceId,
        conversation_id: label.conversationId,
        message_id: label.messageId,
        source: label.source,
        author_id: label.authorId,
        created_at: at,
        ...fields,
      })
      .onConflict((oc) =>
        oc.columns(['conversation_id', 'author_id', 'source', 'message_id']).doUpdateSet(fields),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    return { label: toLabel(row), previous: earlier === undefined ? null : toLabel(earlier) };
  });

export const reviewRepository = (base: Db): ReviewRepository => ({
  saveSample: (sample) =>
    atomically(base, async (db) => {
      const tables = db.withTables<ReviewTables>();
      // ON CONFLICT DO NOTHING waits for a concurrent draw of the same week to commit, then keeps it.
      const inserted = await tables
        .insertInto('review_samples')
        .values({
          workspace_id: sample.workspaceId,
          week: sample.week,
          drawn_at: sample.drawnAt,
          capacity: sample.capacity,
          population: sample.population,
          strata: JSON.stringify(sample.strata),
        })
        .onConflict((oc) => oc.columns(['workspace_id', 'week']).doNothing())
        .returning('week')
        .executeTakeFirst();
      if (inserted !== undefined && sample.items.length > 0) {
        await tables
          .insertInto('review_sample_items')
          .values(
            sample.items.map((item, position) => ({
              workspace_id: sample.workspaceId,
              week: sample.week,
              conversation_id: item.conversationId,
              position,
              category: item.category,
              source: item.source,
              tier: item.tier,
              risks: JSON.stringify(item.risks),
              weight: item.weight,
            })),
          )
          .execute();
      }
      const stored = await readSample(db, sample.workspaceId, sample.week);
      if (stored === null) throw new Error('a review sample vanished inside its own transaction');
      return { sample: stored, created: inserted !== undefined };
    }),

  getSample: (workspaceId, week) => readSample(base, workspaceId, week),

  saveLabel: (label) => saveLabel(base, label),

  async listLabels(workspaceId, filter = {}) {
    let query = base
      .withTables<ReviewTables>()
      .selectFrom('review_labels')
      .selectAll()
      .where('workspace_id', '=', workspaceId);
    if (filter.since) query = query.where('updated_at', '>=', filter.since);
    if (filter.until) query = query.where('updated_at', '<', filter.until);
    if (filter.source) query = query.where('source', '=', filter.source);
    if (filter.conversationIds) {
      if (filter.conversationIds.length === 0) return [];
      query = query.where('conversation_id', 'in', filter.conversationIds);
    }
    const rows = await query.orderBy('updated_at').orderBy('id').execute();
    return rows.map(toLabel);
  },
});
