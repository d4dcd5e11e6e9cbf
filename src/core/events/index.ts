export { type EventData, type EventType, eventSchemas, eventTypes, isEventType } from './event-schemas.ts';
export { MAX_RATING_COMMENT_CHARS } from './feedback-event-schemas.ts';
export { upgradeLegacyEvents } from './legacy-events.ts';
export { type EventValidation, parseEvent, type TypedEvent, validateEvent } from './validate-event.ts';
export * from './vocabulary.ts';
