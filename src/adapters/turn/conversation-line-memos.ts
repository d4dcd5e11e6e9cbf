/**
 * The live turn engine's memos of per-message analysis (core/triage/signals/line-memo.ts), one per
 * conversation: each AI turn of a conversation then reads only the messages it has not seen,
 * where otherwise the k-th turn reads all k customer messages again.
 *
 * A memo holds one category model's readings, so it is dropped when the workspace's model is
 * replaced (a retrain). Memory is bounded three ways: a conversation's memo keeps only the lines of
 * its current transcript; only the most recently triaged conversations keep one at all; and all
 * memos together remember at most so many customer messages and characters — a remembered message
 * costs about 5 KB plus 20 bytes per character (tokens, findings, the model's reading), and one
 * long conversation of long messages must not hold hundreds of megabytes. A conversation too large
 * for the budget on its own is triaged without a memo (the same decisions, read afresh).
 */
import type { TranscriptLine } from '../../core/ports/answerer.ts';
import { type CategoryModel, createLineMemo, keepLinesOf, type LineMemo } from '../../core/triage/index.ts';

export interface LineMemoLimits {
  /** Conversations whose memos are kept; the least recently triaged goes first. */
  readonly conversations: number;
  /** Customer messages remembered across all memos. */
  readonly messages: number;
  /** Characters of those messages, across all memos. */
  readonly characters: number;
}

/** About 25–60 MB at most: 5,000 remembered messages covers 1,000 open conversations of 5 asks. */
export const defaultLineMemoLimits: LineMemoLimits = {
  conversations: 1_000,
  messages: 5_000,
  characters: 2_000_000,
};

export interface ConversationLineMemos {
  /**
   * The memo of a conversation for a turn over `transcript` under `categoryModel`, or undefined
   * when this conversation alone is larger than the budget.
   */
  readonly memoFor: (
    conversationId: string,
    categoryModel: CategoryModel,
    transcript: readonly TranscriptLine[],
  ) => LineMemo | undefined;
  /** How many conversations have a memo. */
  readonly size: () => number;
}

interface Held {
  readonly model: CategoryModel;
  readonly memo: LineMemo;
  /** What the memo may hold after this turn: the transcript's customer messages. */
  readonly messages: number;
  readonly characters: number;
}

/** The most a turn over `transcript` adds to a memo: each distinct customer message once. */
const weightOf = (transcript: readonly TranscriptLine[]): { messages: number; characters: number } => {
  const texts = new Set<string>();
  for (const line of transcript) if (line.role === 'customer') texts.add(line.text);
  let characters = 0;
  for (const text of texts) characters += text.length;
  return { messages: texts.size, characters };
};

export const createConversationLineMemos = (limits: Partial<LineMemoLimits> = {}): ConversationLineMemos => {
  const limit = { ...defaultLineMemoLimits, ...limits };
  // A Map iterates in insertion order: re-inserting on each use keeps the least recent first.
  const memos = new Map<string, Held>();
  const total = { messages: 0, characters: 0 };
  const forget = (conversationId: string) => {
    const held = memos.get(conversationId);
    if (!held) return;
    memos.delete(conversationId);
    total.messages -= held.messages;
    total.characters -= held.characters;
  };
  const overBudget = () =>
    memos.size > limit.conversations ||
    total.messages > limit.messages ||
    total.characters > limit.characters;
  return {
    memoFor(conversationId, categoryModel, transcript) {
      const held = memos.get(conversationId);
      forget(conversationId);
      const weight = weightOf(transcript);
      if (weight.messages > limit.messages || weight.characters > limit.characters) return undefined;
      const memo = held?.model === categoryModel ? held.memo : createLineMemo();
      keepLinesOf(memo, transcript);
      memos.set(conversationId, { model: categoryModel, memo, ...weight });
      total.messages += weight.messages;
      total.characters += weight.characters;
      for (const oldest of memos.keys()) {
        if (!overBudget()) break;
        forget(oldest);
      }
      return memo;
    },
    size: () => memos.size,
  };
};
