import { describe, expect, it } from 'vitest';
import type { Agent, Conversation } from '../model.ts';
import { aConversation } from '../model-fixtures.ts';
import { canChangePolicy, canTakeOver, canWorkConversation, visibleTeamKeys } from './permissions.ts';

const buildAgent = (overrides: Partial<Agent> = {}): Agent => ({
  id: 'a1',
  workspaceId: 'w1',
  email: 'maya@acme.test',
  name: 'Maya',
  role: 'agent',
  passwordHash: 'x',
  teamKeys: ['billing'],
  status: 'available',
  capacity: 3,
  lastAssignedAt: null,
  demo: false,
  active: true,
  ...overrides,
});

const buildConversation = (overrides: Partial<Conversation> = {}): Conversation =>
  aConversation({ state: 'queued', teamKey: 'billing', category: 'billing', ...overrides });

describe('permissions', () => {
  it('lets an agent work conversations of their own team', () => {
    expect(canWorkConversation(buildAgent(), buildConversation())).toBe(true);
  });

  it('keeps an agent out of another team’s conversation', () => {
    expect(canWorkConversation(buildAgent(), buildConversation({ teamKey: 'trust_safety' }))).toBe(false);
  });

  it('lets a specialist take over from any team', () => {
    expect(
      canWorkConversation(buildAgent({ role: 'specialist' }), buildConversation({ teamKey: 'trust_safety' })),
    ).toBe(true);
  });

  it('never crosses workspaces, whatever the role', () => {
    expect(canWorkConversation(buildAgent({ role: 'admin' }), buildConversation({ workspaceId: 'w2' }))).toBe(
      false,
    );
  });

  it('shows an agent only their teams’ queues', () => {
    expect(visibleTeamKeys(buildAgent(), ['orders', 'billing'])).toEqual(['billing']);
    expect(visibleTeamKeys(buildAgent({ role: 'ops' }), ['orders', 'billing'])).toEqual([
      'orders',
      'billing',
    ]);
  });

  it('reserves policy changes for ops and admins', () => {
    expect(canChangePolicy(buildAgent())).toBe(false);
    expect(canChangePolicy(buildAgent({ role: 'ops' }))).toBe(true);
  });

  it('lets specialists, ops and admins take over a conversation another agent holds, and no one else', () => {
    expect(canTakeOver(buildAgent({ role: 'agent' }))).toBe(false);
    expect(canTakeOver(buildAgent({ role: 'qa' }))).toBe(false);
    expect(canTakeOver(buildAgent({ role: 'specialist' }))).toBe(true);
    expect(canTakeOver(buildAgent({ role: 'ops' }))).toBe(true);
    expect(canTakeOver(buildAgent({ role: 'admin' }))).toBe(true);
  });
});
