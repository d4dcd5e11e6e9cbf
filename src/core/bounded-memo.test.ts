import { describe, expect, it } from 'vitest';
import { boundedMemo } from './bounded-memo.ts';

describe('boundedMemo', () => {
  it('computes a key once and then answers from memory', () => {
    const memo = boundedMemo<string, number>(4);
    let computed = 0;
    const length = (text: string) => {
      computed += 1;
      return text.length;
    };
    expect(memo.get('refund', length)).toBe(6);
    expect(memo.get('refund', length)).toBe(6);
    expect(computed).toBe(1);
  });

  it('remembers undefined and null results instead of computing them again', () => {
    const memo = boundedMemo<string, string | null | undefined>(4);
    let computed = 0;
    const nothing = () => {
      computed += 1;
      return computed % 2 === 1 ? undefined : null;
    };
    memo.get('a', nothing);
    memo.get('a', nothing);
    memo.get('b', nothing);
    memo.get('b', nothing);
    expect(computed).toBe(2);
  });

  it('forgets only the key it learnt longest ago when full', () => {
    const memo = boundedMemo<number, number>(3);
    const seen: number[] = [];
    const square = (n: number) => {
      seen.push(n);
      return n * n;
    };
    for (const n of [1, 2, 3, 4]) memo.get(n, square);
    expect(memo.size()).toBe(3);
    memo.get(2, square);
    memo.get(3, square);
    memo.get(4, square);
    memo.get(1, square);
    expect(seen).toEqual([1, 2, 3, 4, 1]);
  });

  it('refuses a capacity that could hold nothing', () => {
    expect(() => boundedMemo(0)).toThrow(RangeError);
    expect(() => boundedMemo(1.5)).toThrow(RangeError);
  });
});
