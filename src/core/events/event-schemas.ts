/**
 * Every event type Baton writes, with the one schema its payload must match (SPEC §2: the event
 * log is what metrics, backtests and the review queue are computed from). A new event type is
 * added here first.
 */
import type { z } from 'zod';
import {
  aiMessageFlaggedSchema,
  escalationVerdictSchema,
  ratedSchema,
  ratingRequestedSchema,
  reviewedSchema,
} from './feedback-event-schemas.ts';
import {
  aiDraftUnsentSchema,
  aiTurnSkippedSchema,
  assignedSchema,
  categorisedSchema,
  categoryConfirmedSchema,
  conversationStartedSchema,
  decisionMadeSchema,
  handedOverSchema,
  holdEndedSchema,
  holdSetSchema,
  lookupCompletedSchema,
  messageAddedSchema,
  reopenedSchema,
  requeuedSchema,
  resolvedSchema,
  waitMeasuredSchema,
} from './lifecycle-event-schemas.ts';
import { tagAddedSchema, tagRemovedSchema } from './tag-event-schemas.ts';

export const eventSchemas = {
  conversation_started: conversationStartedSchema,
  message_added: messageAddedSchema,
  decision_made: decisionMadeSchema,
  lookup_completed: lookupCompletedSchema,
  categorised: categorisedSchema,
  category_confirmed: categoryConfirmedSchema,
  handed_over: handedOverSchema,
  assigned: assignedSchema,
  requeued: requeuedSchema,
  wait_measured: waitMeasuredSchema,
  resolved: resolvedSchema,
  reopened: reopenedSchema,
  escalation_verdict: escalationVerdictSchema,
  ai_message_flagged: aiMessageFlaggedSchema,
  rating_requested: ratingRequestedSchema,
  rated: ratedSchema,
  reviewed: reviewedSchema,
  ai_draft_unsent: aiDraftUnsentSchema,
  ai_turn_skipped: aiTurnSkippedSchema,
  hold_set: holdSetSchema,
  hold_ended: holdEndedSchema,
  tag_added: tagAddedSchema,
  tag_removed: tagRemovedSchema,
} as const;

export type EventType = keyof typeof eventSchemas;
export type EventData<T extends EventType> = z.infer<(typeof eventSchemas)[T]>;

export const isEventType = (type: string): type is EventType => Object.hasOwn(eventSchemas, type);

export const eventTypes: readonly EventType[] = Object.keys(eventSchemas).filter(isEventType);
