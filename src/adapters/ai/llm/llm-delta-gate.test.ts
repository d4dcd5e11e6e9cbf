import { describe, expect, it } from 'vitest';
import { groundingIndex } from '../../../core/grounding/index.ts';
import { createDeltaGate } from './llm-delta-gate.ts';

const index = groundingIndex([
  'Standard delivery takes 3 to 5 working days. Express delivery arrives the next working day.',
]);
const run = (pieces: readonly string[]) => {
  const deltas: string[] = [];
  const gate = createDeltaGate(
    (delta) => deltas.push(delta),
    () => index,
  );
  for (const piece of pieces) gate.push(piece);
  gate.end();
  return deltas;
};

describe('the streaming gate', () => {
  it('passes whole sentences on, without citation markers, as they complete', () => {
    expect(
      run([
        'Standard delivery ',
        'takes 3 to 5 working days [1]. Express',
        ' delivery arrives the next working day [1].',
      ]),
    ).toEqual([
      'Standard delivery takes 3 to 5 working days.',
      ' Express delivery arrives the next working day.',
    ]);
  });

  it('stops at the first sentence its sources do not back', () => {
    expect(
      run([
        'Standard delivery takes 3 to 5 working days. ',
        'Express costs £9. ',
        'Express delivery arrives the next working day.',
      ]),
    ).toEqual(['Standard delivery takes 3 to 5 working days.']);
  });

  it('never streams a model declining', () => {
    expect(run(['NO_', 'ANSWER: not covered. More text.'])).toEqual([]);
  });
});
