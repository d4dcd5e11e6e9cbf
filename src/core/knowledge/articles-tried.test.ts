import { describe, expect, it } from 'vitest';
import { articlesWorthRecording, maxArticlesRecorded } from './articles-tried.ts';

const rounded = (score: number) => ({ score: Math.round(score * 1000) / 1000 });

describe('articlesWorthRecording', () => {
  it('keeps the best few that score anything, in order, as recorded', () => {
    const ranked = [0.9, 0.5, 0.2, 0.0004, 0, 0];
    expect(articlesWorthRecording(ranked, rounded)).toEqual([{ score: 0.9 }, { score: 0.5 }, { score: 0.2 }]);
  });

  it('records no more than the handful, and nothing of an empty or all-zero ranking', () => {
    const many = Array.from({ length: 30 }, (_, i) => 1 - i / 100);
    const recorded = articlesWorthRecording(many, rounded);
    expect(recorded).toHaveLength(maxArticlesRecorded);
    expect(recorded[0]).toEqual({ score: 1 });
    expect(articlesWorthRecording([], rounded)).toEqual([]);
    expect(articlesWorthRecording([0, 0], rounded)).toEqual([]);
  });

  it('looks at no more of the ranking than it keeps', () => {
    const seen: number[] = [];
    articlesWorthRecording([0.9, 0.8, 0, 0, 0], (score: number) => {
      seen.push(score);
      return { score };
    });
    expect(seen).toEqual([0.9, 0.8, 0]);
  });
});
