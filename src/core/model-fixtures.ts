/**
 * Whole model objects for tests that need one without a store: a new conversation with the AI,
 * whatever a test overrides. A field added to the model is added here once, not in every test.
 */
import type { Conversation } from './model.ts';

export const aConversation = (overrides: Partial<Conversation> = {}): Conversation => ({
  id: 'c1',
  workspaceId: 'w1',
  customerId: 'cu1',
  state: 'ai',
  teamKey: null,
  assigneeId: null,
  category: null,
  priority: 0,
  resolution: null,
  subject: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
  lastMessageAt: null,
  version: 1,
  queuedAt: null,
  hold: null,
  ...overrides,
});
