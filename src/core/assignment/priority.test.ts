import { describe, expect, it } from 'vitest';
import { priorityFor } from './priority.ts';

describe('priorityFor', () => {
  it('puts distress and legal threats above a plain request for a person', () => {
    const distress = priorityFor([{ code: 'distress' }]);
    const legal = priorityFor([{ code: 'legal_threat' }]);
    const human = priorityFor([{ code: 'human_requested' }]);
    expect(distress.score).toBeGreaterThan(human.score);
    expect(legal.score).toBeGreaterThan(human.score);
    expect(distress.level).toBe('high');
  });

  it('raises fraud by its category even when the reason is generic', () => {
    expect(priorityFor([{ code: 'high_risk_category' }], 'standard', 'fraud').score).toBeGreaterThan(
      priorityFor([{ code: 'high_risk_category' }], 'standard', 'billing').score,
    );
  });

  it('lets many mild reasons not outrank one serious one', () => {
    const mild = priorityFor([
      { code: 'low_confidence' },
      { code: 'no_answer' },
      { code: 'negative_sentiment' },
      { code: 'max_ai_turns' },
    ]);
    expect(mild.score).toBeLessThan(priorityFor([{ code: 'distress' }]).score);
  });

  it('raises a VIP customer and lowers a low-value one', () => {
    const reasons = [{ code: 'human_requested' as const }];
    const vip = priorityFor(reasons, 'vip');
    expect(vip.score).toBeGreaterThan(priorityFor(reasons).score);
    expect(priorityFor(reasons, 'low').score).toBeLessThan(priorityFor(reasons).score);
    expect(vip.because).toContain('vip customer +20');
  });

  it('stays within 0–100 and says urgent when everything fires', () => {
    const all = priorityFor(
      [{ code: 'distress' }, { code: 'legal_threat' }, { code: 'urgent' }, { code: 'manager_requested' }],
      'vip',
      'fraud',
    );
    expect(all.score).toBe(100);
    expect(all.level).toBe('urgent');
  });

  it('counts a repeated reason once', () => {
    expect(priorityFor([{ code: 'urgent' }, { code: 'urgent' }]).score).toBe(
      priorityFor([{ code: 'urgent' }]).score,
    );
  });
});
