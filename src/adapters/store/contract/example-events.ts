/**
 * Well-formed events for the contract suite: the store refuses a payload that does not match its
 * type's schema, so tests that only care about the change write these.
 */
import type { Actor } from '../../../core/model.ts';
import type { NewEvent } from '../../../core/ports/store.ts';

const ai: Actor = { kind: 'ai' };
const system: Actor = { kind: 'system' };

export const handedOverEvent = (teamKey = 'billing', at?: Date): NewEvent => ({
  type: 'handed_over',
  actor: ai,
  data: {
    teamKey,
    priority: 2,
    reasons: [{ code: 'human_requested', evidence: 'a person please' }],
    waitMinutes: null,
    packet: {},
  },
  ...(at ? { at } : {}),
});

export const assignedEvent = (
  agentId: string,
  actor: Actor = system,
  teamKey: string | null = null,
): NewEvent => ({
  type: 'assigned',
  actor,
  data: { agentId, teamKey, previousAssigneeId: null },
});

export const agentResolvedEvent = (agentId: string, at?: Date): NewEvent => ({
  type: 'resolved',
  actor: { kind: 'agent', id: agentId },
  data: { by: 'agent', resolution: 'human', agentId, teamKey: null },
  ...(at ? { at } : {}),
});

export const aiResolvedEvent = (at?: Date): NewEvent => ({
  type: 'resolved',
  actor: system,
  data: { by: 'ai_assumed', resolution: 'ai', teamKey: null },
  ...(at ? { at } : {}),
});

export const reopenedEvent: NewEvent = { type: 'reopened', actor: system, data: { by: 'customer_reply' } };

export const categorisedEvent = (category = 'billing'): NewEvent => ({
  type: 'categorised',
  actor: ai,
  data: { category },
});
