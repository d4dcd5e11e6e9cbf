/**
 * Which events an outbound webhook may subscribe to (SPEC §12: handoff created, conversation
 * resolved, flag raised; issue 12 adds messages and ratings). The names are the event log's own
 * types (SPEC §2), so a delivery's `type` is the stored event's and never a second vocabulary.
 * `webhook_test` is what "send test event" delivers; nobody subscribes to it.
 */
export const webhookEventTypes = [
  'handed_over',
  'resolved',
  'message_added',
  'rated',
  'ai_message_flagged',
  'reopened',
  'assigned',
] as const;

export type WebhookEventType = (typeof webhookEventTypes)[number];

export const WEBHOOK_TEST_EVENT = 'webhook_test';
