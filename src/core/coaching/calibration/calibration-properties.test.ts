import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyIsotonic, fitIsotonic } from './isotonic.ts';
import { applyPlatt, fitPlatt } from './platt.ts';

const outcomes = fc.array(
  fc.record({ score: fc.double({ min: 0, max: 1, noNaN: true }), correct: fc.boolean() }),
  { minLength: 1, maxLength: 60 },
);

describe('calibration fits (properties)', () => {
  it('isotonic steps never go down, and mapping keeps the order of scores', () => {
    fc.assert(
      fc.property(
        outcomes,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (data, a, b) => {
          const steps = fitIsotonic(data);
          for (let i = 1; i < steps.length; i += 1) {
            expect(steps[i]?.probability ?? 0).toBeGreaterThanOrEqual(steps[i - 1]?.probability ?? 0);
          }
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(applyIsotonic(steps, low)).toBeLessThanOrEqual(applyIsotonic(steps, high) + 1e-12);
        },
      ),
    );
  });

  it('Platt gives finite probabilities even on perfectly separated outcomes', () => {
    const separated = [0.1, 0.2, 0.3, 0.7, 0.8, 0.9].map((score) => ({ score, correct: score > 0.5 }));
    const curve = fitPlatt(separated);
    expect(Number.isFinite(curve.a) && Number.isFinite(curve.b)).toBe(true);
    expect(applyPlatt(curve, 0.9)).toBeLessThan(1);
    expect(applyPlatt(curve, 0.1)).toBeGreaterThan(0);
    expect(applyPlatt(curve, 0.9)).toBeGreaterThan(applyPlatt(curve, 0.1));
  });
});
