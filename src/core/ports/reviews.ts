/**
 * What the coaching loop keeps (SPEC §8): the review sample drawn for each week, and the labels
 * reviewers (and agents' flags on AI answers) give conversations. Part of the store port; one
 * contract suite runs it on PGlite and on a PostgreSQL server.
 */
import type { ReviewLabel, RootCause } from '../coaching/escalation-need.ts';
import type { RiskFactor } from '../coaching/review-sampling/risk-factors.ts';
import type { StratumReport, StratumTier } from '../coaching/review-sampling/sample-for-review.ts';

/** One conversation drawn for review, as stored: its place in the queue and the weight it carries. */
export interface StoredReviewItem {
  readonly conversationId: string;
  readonly position: number;
  readonly category: string;
  readonly source: 'flag' | 'sample';
  readonly tier: StratumTier | null;
  readonly risks: readonly RiskFactor[];
  readonly weight: number;
}

/** A week's review sample, drawn once: later draws of the same week return it unchanged. */
export interface StoredReviewSample {
  readonly workspaceId: string;
  /** ISO week, e.g. `2026-W49`. */
  readonly week: string;
  readonly drawnAt: Date;
  readonly capacity: number;
  readonly population: number;
  readonly strata: readonly StratumReport[];
  readonly items: readonly StoredReviewItem[];
}

export type NewReviewSample = Omit<StoredReviewSample, 'drawnAt' | 'items'> & {
  readonly items: readonly Omit<StoredReviewItem, 'position'>[];
  readonly drawnAt?: Date;
};

/** Where a label came from: a reviewer's review, or an agent's flag on one AI message. */
export type ReviewLabelSource = 'review' | 'flag';

export interface StoredReviewLabel {
  readonly id: string;
  readonly workspaceId: string;
  readonly conversationId: string;
  /** The AI message labelled (always set for a flag; a review labels the conversation's AI handling). */
  readonly messageId: string | null;
  readonly source: ReviewLabelSource;
  readonly label: ReviewLabel;
  readonly rootCause: RootCause | null;
  /** What the answer should have said, when the labeller wrote it. */
  readonly correctAnswer: string | null;
  readonly notes: string | null;
  /** The agent who labelled. */
  readonly authorId: string;
  /** When it was first labelled, and when last changed (equal until someone relabels). */
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export type NewReviewLabel = Omit<StoredReviewLabel, 'id' | 'createdAt' | 'updatedAt'> & {
  readonly at?: Date;
};

export interface ReviewLabelFilter {
  /** Labels last changed at or after `since` and before `until`. */
  readonly since?: Date;
  readonly until?: Date;
  readonly conversationIds?: readonly string[];
  readonly source?: ReviewLabelSource;
}

export interface ReviewRepository {
  /**
   * Stores the week's sample unless one exists; either way returns the stored sample and whether
   * this call created it (two processes drawing at once keep the first).
   */
  saveSample(sample: NewReviewSample): Promise<{ sample: StoredReviewSample; created: boolean }>;
  getSample(workspaceId: string, week: string): Promise<StoredReviewSample | null>;
  /**
   * Stores a label once per labeller, source and message: the same labeller labelling again changes
   * their label (keeping when it was first given); returns the stored label and the one it replaced.
   * Throws `not_found` when the conversation or message is not the workspace's.
   */
  saveLabel(label: NewReviewLabel): Promise<{ label: StoredReviewLabel; previous: StoredReviewLabel | null }>;
  /** Labels of a workspace, oldest change first. */
  listLabels(workspaceId: string, filter?: ReviewLabelFilter): Promise<StoredReviewLabel[]>;
}
