/**
 * A reviewer's label on a conversation, written the one way every path writes it: the stored label
 * (what calibration, threshold suggestions, the weekly report and the knowledge gaps read) and the
 * conversation's `reviewed` event, in one transaction. The review screen and the replay of a
 * recorded history both write through here, so a replayed label counts like one given on screen.
 */
import type { ReviewLabel, ReviewRootCause } from '../../core/events/index.ts';
import type { StoredReviewLabel } from '../../core/ports/reviews.ts';
import type { Store } from '../../core/ports/store.ts';

export interface ReviewLabelWrite {
  readonly workspaceId: string;
  readonly conversationId: string;
  readonly label: ReviewLabel;
  readonly rootCause: ReviewRootCause | null;
  readonly correctAnswer: string | null;
  readonly notes: string | null;
  /** The reviewer. */
  readonly authorId: string;
  readonly at: Date;
}

export const saveReviewLabel = (store: Store, write: ReviewLabelWrite): Promise<StoredReviewLabel> =>
  store.transaction(async (tx) => {
    const { label } = await tx.reviews.saveLabel({ ...write, messageId: null, source: 'review' });
    await tx.events.append(write.conversationId, {
      type: 'reviewed',
      actor: { kind: 'agent', id: write.authorId },
      data: { label: write.label, rootCause: write.rootCause },
      at: write.at,
    });
    return label;
  });
