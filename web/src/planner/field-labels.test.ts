import { describe, expect, it } from 'vitest';
import { isPercentPath, readableProblem } from './field-labels.ts';

describe('readableProblem', () => {
  it('says a share above 100% in percent, not as a fraction', () => {
    expect(readableProblem('Too big: expected number to be <=1', true)).toBe('must be at most 100%');
  });

  it('says a negative share in percent', () => {
    expect(readableProblem('Too small: expected number to be >=0', true)).toBe('must be at least 0%');
    expect(readableProblem('Too small: expected number to be >0.05', true)).toBe('must be more than 5%');
  });

  it('keeps counts as numbers', () => {
    expect(readableProblem('Too small: expected number to be >=0', false)).toBe('must be at least 0');
  });

  it('asks for a number when the field could not be read as one', () => {
    expect(readableProblem('Invalid input: expected number, received NaN', false)).toBe('must be a number');
  });

  it('leaves any other message as it is', () => {
    expect(readableProblem('opening hours must close after they open', false)).toBe(
      'opening hours must close after they open',
    );
  });
});

describe('isPercentPath', () => {
  it('knows the fields the form shows in percent', () => {
    expect(isPercentPath('categories.3.aiResolutionShare')).toBe(true);
    expect(isPercentPath('channels.0.serviceLevel')).toBe(true);
    expect(isPercentPath('shrinkage')).toBe(true);
    expect(isPercentPath('roles.aiQa.samplingRate')).toBe(true);
    expect(isPercentPath('volume.3.perWeek')).toBe(false);
    expect(isPercentPath('channels.0.targetSeconds')).toBe(false);
  });
});
