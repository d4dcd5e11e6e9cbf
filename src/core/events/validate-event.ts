/** Checks an event's payload against its type's schema before it is written. */
import type { Actor } from '../model.ts';
import { type EventData, type EventType, eventSchemas, isEventType } from './event-schemas.ts';

export type EventValidation =
  | { readonly kind: 'valid'; readonly type: EventType; readonly data: Readonly<Record<string, unknown>> }
  | { readonly kind: 'invalid'; readonly problems: readonly string[] };

/** Valid with the parsed payload, or every problem as "path: message". */
export const validateEvent = (type: string, data: unknown): EventValidation => {
  if (!isEventType(type)) {
    return {
      kind: 'invalid',
      problems: [`type: no schema for event type "${type}"; add one to eventSchemas`],
    };
  }
  const parsed = eventSchemas[type].safeParse(data ?? {});
  if (!parsed.success) {
    return {
      kind: 'invalid',
      problems: parsed.error.issues.map((issue) => `${[type, ...issue.path].join('.')}: ${issue.message}`),
    };
  }
  return { kind: 'valid', type, data: parsed.data };
};

/** An event whose payload matched its schema, typed by its `type`. */
export type TypedEvent = {
  [T in EventType]: {
    readonly id: string;
    readonly conversationId: string;
    readonly type: T;
    readonly actor: Actor;
    readonly data: EventData<T>;
    readonly at: Date;
  };
}[EventType];

/** The event with its payload typed, or null when the type is unknown or the payload does not match. */
export const parseEvent = (event: {
  readonly id: string;
  readonly conversationId: string;
  readonly type: string;
  readonly actor: Actor;
  readonly data: unknown;
  readonly at: Date;
}): TypedEvent | null => {
  if (!isEventType(event.type)) return null;
  const parsed = eventSchemas[event.type].safeParse(event.data);
  if (!parsed.success) return null;
  // The schema of `event.type` produced `parsed.data`, so the pair is one member of the union;
  // TypeScript cannot correlate the two through the indexed access.
  return { ...event, type: event.type, data: parsed.data } as TypedEvent;
};
