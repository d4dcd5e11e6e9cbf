import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_CHARS, newPasswordProblem } from './password-rules.ts';

describe('newPasswordProblem', () => {
  it('accepts a long enough password', () => {
    expect(newPasswordProblem('correct horse battery')).toBeNull();
  });
  it('refuses one character short of the minimum', () => {
    expect(newPasswordProblem('x'.repeat(MIN_PASSWORD_CHARS - 1))).toMatch(/at least/);
    expect(newPasswordProblem('x'.repeat(MIN_PASSWORD_CHARS))).toBeNull();
  });
  it('refuses spaces around it (they are lost when pasted)', () => {
    expect(newPasswordProblem(' long enough pass')).toMatch(/space/);
  });
});
