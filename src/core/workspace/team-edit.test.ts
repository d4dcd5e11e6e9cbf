import { describe, expect, it } from 'vitest';
import type { Team } from '../model.ts';
import { type TeamEdit, teamEditProblems } from './team-edit.ts';

const billingTeam: Team = {
  id: 't1',
  workspaceId: 'w1',
  key: 'billing',
  name: 'Billing',
  categories: ['billing', 'refund'],
  businessHours: null,
};
const context = { policyCategories: ['billing', 'refund', 'shipping', 'order_status'], teams: [billingTeam] };
const buildEdit = (edit: Partial<TeamEdit> = {}): TeamEdit => ({
  key: 'orders',
  name: 'Orders',
  categories: ['shipping'],
  businessHours: { timeZone: 'Europe/London', days: { '1': ['09:00', '17:00'] }, holidays: ['2026-12-25'] },
  ...edit,
});

describe('teamEditProblems', () => {
  it('accepts a team with policy categories nobody else owns and sound hours', () => {
    expect(teamEditProblems(buildEdit(), context)).toEqual([]);
  });

  it('refuses a category the policy does not know, listing those it does', () => {
    expect(teamEditProblems(buildEdit({ categories: ['gift_cards'] }), context)).toEqual([
      'The policy has no category gift_cards; use one of: billing, refund, shipping, order_status.',
    ]);
  });

  it('names the team that owns a category already, but lets a team keep its own', () => {
    expect(teamEditProblems(buildEdit({ categories: ['refund'] }), context)).toEqual([
      'Billing (billing) owns refund already; take it from that team first.',
    ]);
    expect(teamEditProblems(buildEdit({ key: 'billing', categories: ['refund'] }), context)).toEqual([]);
  });

  it('refuses an unknown time zone, hours that close before they open, and dates that do not exist', () => {
    const problems = teamEditProblems(
      buildEdit({
        businessHours: {
          timeZone: 'Mars/Olympus',
          days: { '2': ['17:00', '09:00'], '3': ['9am', '5pm'] },
          holidays: ['2026-02-30'],
        },
      }),
      context,
    );
    expect(problems).toEqual([
      '"Mars/Olympus" is not a time zone; use a name such as Europe/Berlin or America/New_York.',
      'Day 2: closing (09:00) must be after opening (17:00).',
      'Day 3: write the hours as HH:MM, e.g. 09:00 to 17:00.',
      'Holidays 2026-02-30 are not dates; write them as YYYY-MM-DD.',
    ]);
  });
});
