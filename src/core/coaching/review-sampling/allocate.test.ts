import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateSample } from './allocate.ts';
import { defaultSamplingSettings, sampleForReview } from './sample-for-review.ts';

const strataArbitrary = fc.uniqueArray(
  fc.record({
    category: fc.constantFrom('refund', 'shipping', 'billing', 'fraud'),
    risky: fc.boolean(),
    population: fc.integer({ min: 0, max: 40 }),
  }),
  { selector: (stratum) => `${stratum.category}/${stratum.risky}`, maxLength: 8 },
);

describe('sample allocation (properties)', () => {
  it('hands out exactly min(size, population), never more than a stratum holds', () => {
    fc.assert(
      fc.property(strataArbitrary, fc.integer({ min: 0, max: 200 }), (strata, size) => {
        const demands = strata.map((stratum) => ({
          key: `${stratum.category}/${stratum.risky}`,
          category: stratum.category,
          population: stratum.population,
          factor: stratum.risky ? 4 : 1,
          preferredFirst: stratum.risky,
        }));
        const allocation = allocateSample(demands, size);
        const total = demands.reduce((sum, demand) => sum + demand.population, 0);
        const handed = [...allocation.values()].reduce((sum, count) => sum + count, 0);
        expect(handed).toBe(Math.min(size, total));
        for (const demand of demands)
          expect(allocation.get(demand.key) ?? 0).toBeLessThanOrEqual(demand.population);
      }),
    );
  });

  it('weights of a sample always add up to the week it was drawn from', () => {
    fc.assert(
      fc.property(
        strataArbitrary,
        fc.integer({ min: 1, max: 100 }),
        fc.integer(),
        (strata, capacity, seed) => {
          const candidates = strata.flatMap((stratum) =>
            Array.from({ length: stratum.population }, (_, i) => ({
              conversationId: `${stratum.category}-${stratum.risky}-${i}`,
              category: stratum.category,
              confidence: stratum.risky ? 0.51 : 0.95,
              threshold: 0.5,
              lowestSentiment: 0,
              recontacted: false,
              decidedAt: new Date('2026-11-20T00:00:00Z'),
              policyPublishedAt: null,
            })),
          );
          const sample = sampleForReview({
            candidates,
            flagged: [],
            settings: { ...defaultSamplingSettings, reviewsPerWeek: capacity, highStakesCategories: [] },
            seed,
          });
          const weight = sample.items.reduce((sum, item) => sum + item.weight, 0);
          const covered = sample.strata
            .filter((stratum) => stratum.sampled > 0)
            .reduce((sum, stratum) => sum + stratum.population, 0);
          expect(weight).toBeCloseTo(covered, 9);
          expect(sample.sampled).toBe(Math.min(capacity, candidates.length));
          expect(new Set(sample.items.map((item) => item.conversationId)).size).toBe(sample.items.length);
        },
      ),
    );
  });
});
