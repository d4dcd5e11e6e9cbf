import { describe, expect, it } from 'vitest';
import { escalationNeedOf } from './escalation-need.ts';

describe('escalation need', () => {
  it('takes the reviewer over the agent over a file label', () => {
    expect(
      escalationNeedOf({
        review: { label: 'should_have_escalated' },
        verdict: 'not_needed',
        fileLabel: 'ai_ok',
      }),
    ).toBe('needed');
    expect(escalationNeedOf({ verdict: 'not_needed', fileLabel: 'must' })).toBe('not_needed');
    expect(escalationNeedOf({ fileLabel: 'must' })).toBe('needed');
    expect(escalationNeedOf({ fileLabel: 'recommended' })).toBeNull();
    expect(escalationNeedOf({ fileLabel: 'ai_ok' })).toBe('not_needed');
  });

  it('reads a correct label by what the AI did, and a wrong answer as no judgement on escalation', () => {
    expect(escalationNeedOf({ review: { label: 'correct', escalated: true } })).toBe('needed');
    expect(escalationNeedOf({ review: { label: 'correct', escalated: false } })).toBe('not_needed');
    expect(escalationNeedOf({ review: { label: 'correct' } })).toBeNull();
    expect(escalationNeedOf({ review: { label: 'incorrect' }, verdict: 'needed' })).toBe('needed');
    expect(escalationNeedOf({})).toBeNull();
  });
});
