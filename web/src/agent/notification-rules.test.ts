import { describe, expect, it } from 'vitest';
import type { ConversationSummary, LiveUpdate } from '../../../src/api/schemas.ts';
import { alertFor } from './notification-rules.ts';

const me = { id: 'maya', teamKeys: ['billing'] };
const summary = (fields: Partial<ConversationSummary>): ConversationSummary => ({
  subject: null,
  waitingOnCustomer: false,
  id: 'c1',
  state: 'queued',
  teamKey: 'billing',
  assigneeId: null,
  assigneeName: null,
  customerName: 'Dana',
  category: null,
  priority: 1,
  lastMessagePreview: 'Charged twice',
  lastMessageAt: null,
  createdAt: '2026-12-01T10:00:00Z',
  ...fields,
  hold: fields.hold ?? null,
});
const changed = (fields: Partial<ConversationSummary>): LiveUpdate => ({
  type: 'conversation',
  conversation: summary(fields),
});
const customerSays = (body: string): LiveUpdate => ({
  type: 'message',
  conversationId: 'c1',
  message: {
    id: 'm1',
    author: 'customer',
    authorName: null,
    kind: 'message',
    body,
    citations: [],
    createdAt: '',
  },
});

describe('alertFor', () => {
  it('alerts a handoff to my team queue once, not its later changes', () => {
    expect(alertFor(changed({}), summary({ state: 'ai' }), me)?.title).toBe('New handoff in billing: Dana');
    expect(alertFor(changed({}), undefined, me)?.title).toBe('New handoff in billing: Dana');
    expect(alertFor(changed({ priority: 2 }), summary({}), me)).toBeNull();
    expect(alertFor(changed({ teamKey: 'shipping' }), summary({ state: 'ai' }), me)).toBeNull();
  });

  it('alerts a conversation newly assigned to me, and no one else’s', () => {
    const mine = changed({ state: 'assigned', assigneeId: 'maya' });
    expect(alertFor(mine, summary({}), me)?.title).toBe('Assigned to you: Dana');
    expect(alertFor(mine, summary({ state: 'assigned', assigneeId: 'maya' }), me)).toBeNull();
    expect(alertFor(changed({ state: 'assigned', assigneeId: 'leo' }), summary({}), me)).toBeNull();
  });

  it('alerts a customer writing in my conversation, not in others or the AI’s', () => {
    const mine = summary({ state: 'assigned', assigneeId: 'maya' });
    expect(alertFor(customerSays('Any news?'), mine, me)).toEqual({
      conversationId: 'c1',
      title: 'Dana wrote',
      body: 'Any news?',
    });
    expect(
      alertFor(customerSays('Any news?'), summary({ state: 'assigned', assigneeId: 'leo' }), me),
    ).toBeNull();
    expect(alertFor(customerSays('Any news?'), summary({ state: 'ai' }), me)).toBeNull();
    expect(alertFor(customerSays('Any news?'), undefined, me)).toBeNull();
  });
});
