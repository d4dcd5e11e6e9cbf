/** Reads a workspace's recorded conversations into team planner inputs (SPEC §10). */
import { humanHandleTimes } from '../core/conversation/handle-time.ts';
import type { ConversationEvent } from '../core/model.ts';
import {
  type ConversationRecord,
  type HistoryInput,
  type HistoryInputOptions,
  planInputFromHistory,
} from '../core/staffing/history-input.ts';
import { defaultPlanInput, parsePlanInput, type StaffingPlanInput } from '../core/staffing/index.ts';
import type { AppContext } from './context.ts';

export const DEFAULT_HISTORY_DAYS = 28;
const DAY_MS = 24 * 3600_000;

export interface PlannerHistoryOptions {
  readonly days?: number;
  /** Sample size below which a category's handle time and AI share keep their defaults. */
  readonly minSamples?: number;
  readonly base?: StaffingPlanInput;
}

/** The widget is Baton's chat channel; every other recorded channel keeps its own name. */
const channelOf = (started: ConversationEvent): string => {
  const channel = started.data.channel;
  return typeof channel !== 'string' || channel === 'widget' ? 'chat' : channel;
};

/** The time zone of the first team with opening hours: the one the intraday profile is read in. */
const workspaceTimeZone = async (ctx: AppContext): Promise<string> => {
  const teams = await ctx.store.teams.list(ctx.workspace.id);
  return teams.find((t) => t.businessHours !== null)?.businessHours?.timeZone ?? 'UTC';
};

/** Planner inputs from the conversations that started in the last `days` days, with what backs each figure. */
export const plannerInputFromHistory = async (
  ctx: AppContext,
  options: PlannerHistoryOptions = {},
): Promise<HistoryInput> => {
  const days = options.days ?? DEFAULT_HISTORY_DAYS;
  const now = ctx.now();
  const since = new Date(now.getTime() - days * DAY_MS);
  const events = await ctx.store.events.listByType(
    ctx.workspace.id,
    ['conversation_started', 'assigned', 'resolved'],
    since,
  );
  const started = events.filter((e) => e.type === 'conversation_started');
  const conversations = await ctx.store.conversations.getByIds(started.map((e) => e.conversationId));
  const handle = humanHandleTimes(events);
  const records: ConversationRecord[] = started.map((event) => {
    const conversation = conversations.get(event.conversationId);
    return {
      category: conversation?.category ?? null,
      channel: channelOf(event),
      startedAt: event.at,
      resolution: conversation?.resolution ?? null,
      handleMinutes:
        conversation?.resolution === 'human' ? (handle.get(event.conversationId)?.minutes ?? null) : null,
    };
  });
  // Recording began when the workspace was created, or earlier when history was imported.
  const firstStart = started[0]?.at ?? ctx.workspace.createdAt;
  const recordedSince = new Date(Math.min(firstStart.getTime(), ctx.workspace.createdAt.getTime()));
  const core: HistoryInputOptions = {
    now,
    days,
    recordedSince,
    timeZone: await workspaceTimeZone(ctx),
    name: `${ctx.workspace.name}: from the last ${days} days`,
    ...(options.minSamples === undefined
      ? {}
      : { minHandleSamples: options.minSamples, minResolvedSamples: options.minSamples }),
  };
  return planInputFromHistory(records, options.base ?? parsePlanInput(defaultPlanInput()), core);
};
