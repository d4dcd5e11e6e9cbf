import { describe, expect, it } from 'vitest';
import { aiMessageFlags } from '../events/vocabulary.ts';
import { escalationNeedOf } from './escalation-need.ts';
import { labelFromFlag } from './flag-label.ts';

describe('labelFromFlag', () => {
  it('maps each flag to the review label it means', () => {
    expect(aiMessageFlags.map(labelFromFlag)).toEqual([
      { label: 'incorrect', rootCause: null },
      { label: 'incomplete', rootCause: null },
      { label: 'incorrect', rootCause: 'tone' },
    ]);
  });

  it('never claims a flagged answer needed a person: a flag judges the answer, not the escalation', () => {
    for (const flag of aiMessageFlags) {
      expect(escalationNeedOf({ review: { label: labelFromFlag(flag).label, escalated: false } })).toBeNull();
    }
  });
});
