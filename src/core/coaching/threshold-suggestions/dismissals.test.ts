import { describe, expect, it } from 'vitest';
import { dismissalHiding, evidenceKey, type ThresholdSuggestion, withDismissal } from './index.ts';

const point = (threshold: number) => ({ threshold, precision: 0.9, answeredShare: 0.5, answered: 10 });
const change = (
  labels: number,
  suggested = 0.55,
  kind: 'change' | 'keep' = 'change',
): ThresholdSuggestion => ({
  kind,
  category: 'shipping',
  labels,
  targetPrecision: 0.9,
  current: point(0.4),
  suggested: point(suggested),
  why: 'test',
});
const dismissed = (suggestion: ThresholdSuggestion) => ({
  category: suggestion.category,
  evidence: evidenceKey(suggestion),
  by: 'olu',
  why: 'seasonal',
  at: '2026-11-18T12:00:00Z',
});

describe('threshold suggestion dismissals', () => {
  it('hide the same suggestion on the same evidence', () => {
    const suggestion = change(40);
    expect(dismissalHiding(suggestion, [dismissed(suggestion)])?.why).toBe('seasonal');
  });

  it('let it back when new labels or a moved threshold change the evidence', () => {
    const dismissal = dismissed(change(40));
    expect(dismissalHiding(change(41), [dismissal])).toBeNull();
    expect(dismissalHiding(change(40, 0.6), [dismissal])).toBeNull();
    expect(dismissalHiding({ ...change(40), category: 'refund' }, [dismissal])).toBeNull();
  });

  it('never hide a suggestion that changes nothing, and keep one dismissal per category', () => {
    const keep = change(40, 0.55, 'keep');
    expect(dismissalHiding(keep, [dismissed(change(40))])).toBeNull();
    const later = { ...dismissed(change(41)), why: 'still seasonal' };
    expect(withDismissal([dismissed(change(40))], later)).toEqual([later]);
  });
});
