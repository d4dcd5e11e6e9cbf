import { describe, expect, it } from 'vitest';
import {
  defaultSamplingSettings,
  type ReviewCandidate,
  riskFactorsOf,
  type SamplingSettings,
  sampleForReview,
  seedFrom,
  weightedShare,
} from './index.ts';

const decidedAt = new Date('2026-11-20T10:00:00Z');
const settings: SamplingSettings = {
  ...defaultSamplingSettings,
  reviewsPerWeek: 9,
  riskOversampling: 4,
  highStakesCategories: ['fraud'],
};

const candidate = (
  id: string,
  category: string,
  overrides: Partial<ReviewCandidate> = {},
): ReviewCandidate => ({
  conversationId: id,
  category,
  confidence: 0.9,
  threshold: 0.5,
  lowestSentiment: 0.2,
  recontacted: false,
  decidedAt,
  policyPublishedAt: new Date('2026-10-01T00:00:00Z'),
  ...overrides,
});

const ids = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(2, '0')}`);

// 40 routine shipping answers; 10 routine and 10 low-confidence refund answers.
const week: ReviewCandidate[] = [
  ...ids('s', 40).map((id) => candidate(id, 'shipping')),
  ...ids('r', 10).map((id) => candidate(id, 'refund')),
  ...ids('x', 10).map((id) => candidate(id, 'refund', { confidence: 0.55 })),
];

describe('risk factors', () => {
  it('finds each risk a reviewer should see', () => {
    const risky = candidate('c1', 'fraud', {
      confidence: 0.58,
      threshold: 0.5,
      lowestSentiment: -0.6,
      recontacted: true,
      policyPublishedAt: new Date('2026-11-15T10:00:00Z'),
    });
    expect(riskFactorsOf(risky, settings)).toEqual([
      'low_confidence',
      'negative_sentiment',
      'recontacted',
      'high_stakes_category',
      'new_policy_version',
    ]);
    expect(riskFactorsOf(candidate('c2', 'shipping'), settings)).toEqual([]);
    // Published eight days before the decision: no longer new.
    expect(
      riskFactorsOf(
        candidate('c3', 'shipping', { policyPublishedAt: new Date('2026-11-12T10:00:00Z') }),
        settings,
      ),
    ).toEqual([]);
  });
});

describe('weekly review sample', () => {
  const sample = sampleForReview({
    candidates: week,
    flagged: [],
    settings,
    seed: seedFrom('acme/2026-W47'),
  });

  it('allocates one per category first, then by size × oversampling (largest remainder)', () => {
    // Mass: shipping 40, refund routine 10, refund risky 10 × 4 = 40. After one each for shipping and
    // refund (risky preferred), 7 remain: quotas 3.11, 0.78, 3.11 → 3, 1, 3.
    expect(sample.strata).toEqual([
      { category: 'refund', tier: 'risky', population: 10, sampled: 4, weight: 2.5 },
      { category: 'refund', tier: 'routine', population: 10, sampled: 1, weight: 10 },
      { category: 'shipping', tier: 'routine', population: 40, sampled: 4, weight: 10 },
    ]);
    expect(sample).toMatchObject({ capacity: 9, population: 60, flagged: 0, sampled: 9 });
  });

  it('gives each sampled conversation a weight, and the weights add up to the population', () => {
    const total = sample.items.reduce((sum, item) => sum + item.weight, 0);
    expect(total).toBe(60);
    const risky = sample.items.filter((item) => item.tier === 'risky');
    expect(
      risky.every((item) => item.risks.includes('low_confidence') && item.conversationId.startsWith('x')),
    ).toBe(true);
  });

  it('re-weights a rate measured on the sample to the whole week', () => {
    // Suppose every risky refund answer reviewed was wrong and everything else right: the sample says
    // 4 of 9 (44%), the week has 10 of 60 (16.7%).
    const wrong = weightedShare(sample.items, (item) => item.tier === 'risky');
    expect(wrong).toBeCloseTo(10 / 60, 12);
  });

  it('draws the same sample from the same seed and a different one from another seed', () => {
    const again = sampleForReview({
      candidates: [...week].reverse(),
      flagged: [],
      settings,
      seed: seedFrom('acme/2026-W47'),
    });
    expect(again.items.map((item) => item.conversationId)).toEqual(
      sample.items.map((item) => item.conversationId),
    );
    const other = sampleForReview({
      candidates: week,
      flagged: [],
      settings,
      seed: seedFrom('acme/2026-W48'),
    });
    expect(other.items.map((item) => item.conversationId)).not.toEqual(
      sample.items.map((item) => item.conversationId),
    );
  });

  it('puts flags first with weight 1; they use capacity and leave the sampled strata', () => {
    const flagged = sampleForReview({
      candidates: week,
      flagged: [{ conversationId: 's03', category: 'shipping' }],
      settings,
      seed: 7,
    });
    expect(flagged.items[0]).toMatchObject({ conversationId: 's03', source: 'flag', weight: 1 });
    expect(flagged.sampled).toBe(8);
    expect(flagged.strata.find((s) => s.category === 'shipping')?.population).toBe(39);
    expect(flagged.items.filter((item) => item.conversationId === 's03')).toHaveLength(1);
    expect(flagged.items.reduce((sum, item) => sum + item.weight, 0)).toBe(60);
  });

  it('samples everything when capacity exceeds the week, and nothing beyond the flags when it is full', () => {
    const all = sampleForReview({
      candidates: week,
      flagged: [],
      settings: { ...settings, reviewsPerWeek: 500 },
      seed: 1,
    });
    expect(all.sampled).toBe(60);
    expect(all.items.every((item) => item.weight === 1)).toBe(true);
    const full = sampleForReview({
      candidates: week,
      flagged: [{ conversationId: 'r01', category: 'refund' }],
      settings: { ...settings, reviewsPerWeek: 1 },
      seed: 1,
    });
    expect(full.sampled).toBe(0);
    expect(full.strata.every((stratum) => stratum.weight === null)).toBe(true);
  });
});
