import { describe, expect, it } from 'vitest';
import type { TranscriptLine } from '../../core/ports/answerer.ts';
import { type CategoryModel, detectSignals } from '../../core/triage/index.ts';
import { fixedCategoryModel } from '../../core/triage/triage-fakes.ts';
import { createConversationLineMemos } from './conversation-line-memos.ts';

const customer = (text: string): TranscriptLine => ({ role: 'customer', text });
const ai = (text: string): TranscriptLine => ({ role: 'ai', text });
const model: CategoryModel = fixedCategoryModel('shipping', 0.9);

describe('conversation line memos', () => {
  it('keeps one memo per conversation, for the same category model only', () => {
    const memos = createConversationLineMemos();
    const first = memos.memoFor('c1', model, [customer('where is my order')]);
    expect(memos.memoFor('c1', model, [customer('where is my order')])).toBe(first);
    expect(memos.memoFor('c2', model, [customer('where is my order')])).not.toBe(first);
    // A retrained model is another object: its readings are not the old model's.
    const retrained = fixedCategoryModel('shipping', 0.9);
    expect(memos.memoFor('c1', retrained, [customer('where is my order')])).not.toBe(first);
  });

  it('keeps the memos of the most recently triaged conversations only', () => {
    const memos = createConversationLineMemos({ conversations: 2 });
    const transcript = [customer('hello')];
    const a = memos.memoFor('a', model, transcript);
    const b = memos.memoFor('b', model, transcript);
    // Triaging `a` again makes `b` the least recent: `c` pushes it out.
    expect(memos.memoFor('a', model, transcript)).toBe(a);
    memos.memoFor('c', model, transcript);
    expect(memos.size()).toBe(2);
    expect(memos.memoFor('a', model, transcript)).toBe(a);
    expect(memos.memoFor('b', model, transcript)).not.toBe(b);
    expect(memos.size()).toBe(2);
  });

  it('holds no more entries than the transcript has lines', () => {
    const memos = createConversationLineMemos();
    const transcript = [
      customer('where is my order'),
      ai('It ships today.'),
      customer('can I change the address'),
      ai('Yes, until it ships.'),
      customer('where is my order now'),
    ];
    const memo = memos.memoFor('c1', model, transcript);
    if (!memo) throw new Error('a small conversation has a memo');
    detectSignals(transcript, { intentOf: () => [{ category: 'shipping', score: 0.9 }], lineMemo: memo });
    expect(memo.signals.size).toBe(3);
    // The transcript was edited: the middle question is gone.
    const edited = [transcript[0], transcript[1], transcript[4]].flatMap((line) => (line ? [line] : []));
    expect(memos.memoFor('c1', model, edited)).toBe(memo);
    const kept = ['where is my order', 'where is my order now'];
    expect([...memo.signals.keys()].sort()).toEqual(kept);
    expect([...memo.asks.keys()].sort()).toEqual(kept);
    expect([...memo.readings.keys()].sort()).toEqual(kept);
  });

  it('remembers so many customer messages and characters in all, the least recent conversation going first', () => {
    const memos = createConversationLineMemos({ messages: 5, characters: 1_000 });
    const asks = (n: number, size = 10) =>
      Array.from({ length: n }, (_, i) => [customer(`${i}`.padEnd(size, 'x')), ai('ok')]).flat();
    const a = memos.memoFor('a', model, asks(2));
    const b = memos.memoFor('b', model, asks(2));
    expect(memos.size()).toBe(2);
    // Three more messages make six in all: `a`, the least recent, is forgotten.
    memos.memoFor('c', model, asks(2));
    expect(memos.size()).toBe(2);
    expect(memos.memoFor('b', model, asks(2))).toBe(b);
    expect(memos.memoFor('a', model, asks(2))).not.toBe(a);
    // Characters count as well: one long conversation pushes out the others.
    memos.memoFor('d', model, asks(2, 495));
    expect(memos.size()).toBe(1);
  });

  it('gives no memo to a conversation larger than the whole budget, and keeps the others', () => {
    const memos = createConversationLineMemos({ messages: 3 });
    const small = memos.memoFor('small', model, [customer('where is my order')]);
    const huge = [
      customer('one'),
      ai('ok'),
      customer('two'),
      ai('ok'),
      customer('three'),
      ai('ok'),
      customer('four'),
    ];
    expect(memos.memoFor('huge', model, huge)).toBeUndefined();
    expect(memos.memoFor('small', model, [customer('where is my order')])).toBe(small);
  });
});
