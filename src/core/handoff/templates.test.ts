import { describe, expect, it } from 'vitest';
import { defaultHandoffTemplates } from './default-templates.ts';
import { resolveTemplates } from './templates.ts';

describe('resolveTemplates', () => {
  it('resolves an edited override (a new object) anew, and the same override to the same set', () => {
    const first = { reasons: { human_requested: 'First wording.' } };
    const edited = { reasons: { human_requested: 'Edited wording.' } };
    expect(resolveTemplates(defaultHandoffTemplates, first, 'billing').reasons.human_requested).toBe(
      'First wording.',
    );
    expect(resolveTemplates(defaultHandoffTemplates, edited, 'billing').reasons.human_requested).toBe(
      'Edited wording.',
    );
    expect(resolveTemplates(defaultHandoffTemplates, first, 'billing')).toBe(
      resolveTemplates(defaultHandoffTemplates, first, 'billing'),
    );
  });

  it('keeps each team’s own set apart under one override', () => {
    const override = { teams: { orders: { message: 'Orders: {question}' } } };
    expect(resolveTemplates(defaultHandoffTemplates, override, 'orders').message).toBe('Orders: {question}');
    expect(resolveTemplates(defaultHandoffTemplates, override, 'billing').message).toBe(
      defaultHandoffTemplates.teams.billing?.message,
    );
    expect(resolveTemplates(defaultHandoffTemplates, undefined, 'orders').message).toBe(
      defaultHandoffTemplates.message,
    );
  });
});
