/**
 * Every event is checked against its type's schema before the store writes it (SPEC §2: the log is
 * what everything is counted from). A payload that does not match is a bug in the code that built
 * it, not the caller's input: the write throws inside its transaction, so nothing is stored half-way.
 */
import { validateEvent } from '../../core/events/index.ts';
import type { NewEvent } from '../../core/ports/store.ts';

export class InvalidEventError extends Error {
  readonly problems: readonly string[];

  constructor(type: string, problems: readonly string[]) {
    super(`Refused to write a "${type}" event that does not match its schema: ${problems.join('; ')}`);
    this.name = 'InvalidEventError';
    this.problems = problems;
  }
}

/** The event with its payload as the schema parsed it; throws InvalidEventError otherwise. */
export const checkedEvent = <E extends NewEvent>(event: E): E => {
  const result = validateEvent(event.type, event.data ?? {});
  if (result.kind === 'invalid') throw new InvalidEventError(event.type, result.problems);
  return { ...event, data: result.data };
};
