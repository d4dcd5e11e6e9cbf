/**
 * Events written before their type had a schema, brought to today's shape so one derivation reads
 * old and new logs alike: `resolved` without `by` (the how was implied by `assumed` and the actor)
 * and `escalation_verdict` without the handoff it judges (it judged the latest one before it).
 * Events that already match, and ones no rule fits, pass through unchanged.
 */
import type { ConversationEvent } from '../model.ts';
import { escalationVerdicts } from './vocabulary.ts';

type Data = Readonly<Record<string, unknown>>;

const teamKeyOf = (data: Data): string | null =>
  typeof data.teamKey === 'string' && data.teamKey !== '' ? data.teamKey : null;

const upgradeResolved = (event: ConversationEvent): Data => {
  const { data, actor } = event;
  if (data.by !== undefined) return data;
  const teamKey = teamKeyOf(data);
  if (data.resolution === 'abandoned') return { by: 'abandoned', resolution: 'abandoned', teamKey };
  if (data.resolution === 'ai') {
    return { by: data.assumed === true ? 'ai_assumed' : 'ai_confirmed', resolution: 'ai', teamKey };
  }
  if (data.resolution === 'human' && actor.kind === 'agent') {
    return { by: 'agent', resolution: 'human', agentId: actor.id, teamKey };
  }
  return data;
};

const isVerdict = (value: unknown): value is (typeof escalationVerdicts)[number] =>
  escalationVerdicts.some((verdict) => verdict === value);

/** Upgrades one conversation's events, oldest first. */
export const upgradeLegacyEvents = (events: readonly ConversationEvent[]): ConversationEvent[] => {
  let latestHandoffId: string | null = null;
  const verdictByHandoff = new Map<string, string>();
  return events.map((event) => {
    if (event.type === 'handed_over') latestHandoffId = event.id;
    if (event.type === 'resolved') return { ...event, data: upgradeResolved(event) };
    if (event.type !== 'escalation_verdict') return event;
    const handoffId =
      typeof event.data.handoffEventId === 'string' ? event.data.handoffEventId : latestHandoffId;
    if (handoffId === null || !isVerdict(event.data.verdict)) return event;
    const previous = verdictByHandoff.get(handoffId) ?? null;
    verdictByHandoff.set(handoffId, event.data.verdict);
    if (event.data.handoffEventId !== undefined) return event;
    return { ...event, data: { verdict: event.data.verdict, handoffEventId: handoffId, previous } };
  });
};
