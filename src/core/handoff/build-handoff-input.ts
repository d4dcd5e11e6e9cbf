/** A small factory of realistic handoff inputs for tests, benches and demos. */
import type { HandoffInput } from './handoff-input.ts';

/** The seed scenario: a Pro customer asks why this month's charge differs from last month's. */
export const buildHandoffInput = (overrides: Partial<HandoffInput> = {}): HandoffInput => ({
  question: 'Why is my charge this month $59 when last month it was $49?',
  transcript: [
    { role: 'customer', text: 'Hi, I have a question about my bill' },
    { role: 'ai', text: 'Of course, what would you like to know?' },
    { role: 'customer', text: 'Why is my charge this month $59 when last month it was $49?' },
  ],
  category: 'billing',
  categoryConfidence: 0.88,
  reasons: [{ code: 'high_risk_category', evidence: 'category billing needs an investigation' }],
  signals: { human_requested: false, sentiment: -0.2, frustration: false, repeated_ask: 0 },
  lookups: [
    {
      name: 'subscription',
      label: 'your subscription',
      inputs: { 'customer.externalId': 'cus_1001' },
      status: 'ok',
      fields: [{ label: 'Plan', value: 'Pro' }],
      error: null,
      latencyMs: 42,
    },
    {
      name: 'payments',
      label: 'your payments',
      inputs: { 'customer.externalId': 'cus_1001' },
      status: 'ok',
      fields: [
        { label: 'Last payment', value: '$59.00' },
        { label: 'Paid on', value: '1 March 2025' },
      ],
      error: null,
      latencyMs: 57,
    },
  ],
  triedArticles: [
    { articleId: 'a1', slug: 'why-did-my-bill-change', title: 'Why did my bill change?', score: 0.41 },
  ],
  draft: 'Your plan renewed at the new Pro price.',
  sentimentTrend: [0.1, -0.2],
  customer: { name: 'Ana', plan: 'Pro', externalId: 'cus_1001' },
  recentConversations: [],
  team: { key: 'billing', name: 'Billing' },
  queue: { waitingAhead: 2, agentsOnShift: 2, concurrency: 1, freeSlots: 0, recentHandleMinutes: 6 },
  businessHours: null,
  now: new Date('2025-03-05T10:00:00Z'),
  ...overrides,
});
