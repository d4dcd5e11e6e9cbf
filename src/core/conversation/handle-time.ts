/** Human handle time from the event log: first pick-up to the person's resolution that followed. */

export interface HandleTimeEvent {
  readonly conversationId: string;
  readonly type: string;
  readonly at: Date;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface HandleTime {
  readonly minutes: number;
  /** The team the conversation was picked up for, when the event named it. */
  readonly teamKey: string | null;
}

/** Per conversation, minutes from its first `assigned` to the first human `resolved` after it; events oldest first. */
export const humanHandleTimes = (events: readonly HandleTimeEvent[]): Map<string, HandleTime> => {
  const pickedUp = new Map<string, { at: Date; teamKey: string | null }>();
  const times = new Map<string, HandleTime>();
  for (const event of events) {
    if (event.type === 'assigned' && !pickedUp.has(event.conversationId)) {
      const teamKey = typeof event.data.teamKey === 'string' ? event.data.teamKey : null;
      pickedUp.set(event.conversationId, { at: event.at, teamKey });
    } else if (event.type === 'resolved' && event.data.resolution === 'human') {
      const start = pickedUp.get(event.conversationId);
      if (start && !times.has(event.conversationId)) {
        times.set(event.conversationId, {
          minutes: (event.at.getTime() - start.at.getTime()) / 60_000,
          teamKey: start.teamKey,
        });
      }
    }
  }
  return times;
};

/** The middle value (mean of the two middle ones for an even count); NaN for no values. */
export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  if (sorted.length % 2 === 1) return sorted[mid] ?? Number.NaN;
  return ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
