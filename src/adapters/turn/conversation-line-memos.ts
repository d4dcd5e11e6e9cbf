/**
 * The live turn engine's memos of per-message analysis (core/triage/signals/line-memo.ts), one per
 * conversation: each AI turn of a conversation then reads only the messages it has not seen,
 * where otherwise the k-th turn reads all k customer messages again.
 *
 * A memo holds one category model's readings, so it is dropped when the workspace's model is
 * replaced (a retrain). Memory is bounded twice: a conversation's memo keeps only the lines of its
 * current transcript, and only the most recently triaged conversations keep one at all.
 */
import type { TranscriptLine } from '../../core/ports/answerer.ts';
import { type CategoryModel, createLineMemo, keepLinesOf, type LineMemo } from '../../core/triage/index.ts';

/** Conversations whose memos are kept; the least recently triaged goes first. */
export const rememberedConversations = 1_000;

export interface ConversationLineMemos {
  /** The memo of a conversation for a turn over `transcript` under `categoryModel`. */
  readonly memoFor: (
    conversationId: string,
    categoryModel: CategoryModel,
    transcript: readonly TranscriptLine[],
  ) => LineMemo;
  /** How many conversations have a memo. */
  readonly size: () => number;
}

export const createConversationLineMemos = (
  limit: number = rememberedConversations,
): ConversationLineMemos => {
  // A Map iterates in insertion order: re-inserting on each use keeps the least recent first.
  const memos = new Map<string, { readonly model: CategoryModel; readonly memo: LineMemo }>();
  return {
    memoFor(conversationId, categoryModel, transcript) {
      const held = memos.get(conversationId);
      memos.delete(conversationId);
      const memo = held?.model === categoryModel ? held.memo : createLineMemo();
      keepLinesOf(memo, transcript);
      memos.set(conversationId, { model: categoryModel, memo });
      for (const oldest of memos.keys()) {
        if (memos.size <= limit) break;
        memos.delete(oldest);
      }
      return memo;
    },
    size: () => memos.size,
  };
};
