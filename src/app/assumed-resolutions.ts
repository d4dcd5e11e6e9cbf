/** Periodically resolves the AI conversations whose customers went quiet (SPEC §2). */
import { assumedResolution } from '../core/conversation/assumed-resolution.ts';
import { transition } from '../core/conversation/lifecycle.ts';
import { assumedResolutionWindowMs } from '../core/metrics/metrics-settings.ts';
import type { QuietAiConversation } from '../core/ports/store.ts';
import { broadcastConversation } from './broadcast.ts';
import type { AppContext } from './context.ts';
import { workspaceMetricsSettings } from './conversation-facts.ts';

/**
 * Conversations read per page, and pages per sweep: a backlog larger than that (an install catching
 * up on months) is worked off over the following sweeps, longest quiet first.
 */
const PAGE = 200;
const MAX_PAGES = 50;

/**
 * Resolves them with the workspace's assumed-resolution window (the `metrics` setting, 24 h by
 * default), longest quiet first, however many conversations the AI holds.
 */
export const resolveQuietConversations = async (ctx: AppContext): Promise<number> => {
  // The window is the workspace's (Settings → counting), 24 h unless an admin changed it.
  const windowMs = assumedResolutionWindowMs(await workspaceMetricsSettings(ctx.store, ctx.workspace.id));
  const now = ctx.now();
  const quietSince = new Date(now.getTime() - windowMs);
  let resolved = 0;
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const quiet = await ctx.store.conversations.listQuietAi(ctx.workspace.id, {
      quietSince,
      limit: PAGE,
      ...(after === undefined ? {} : { after }),
    });
    for (const candidate of quiet.conversations) {
      if (await resolveIfQuiet(ctx, candidate, now, windowMs)) resolved += 1;
    }
    if (quiet.next === null) break;
    after = quiet.next;
  }
  return resolved;
};

const resolveIfQuiet = async (
  ctx: AppContext,
  { conversation, lastAuthor, lastMessageAt, aiAnswered }: QuietAiConversation,
  now: Date,
  windowMs: number,
): Promise<boolean> => {
  const resolution = assumedResolution(
    { state: conversation.state, lastAuthor, lastMessageAt, aiAnswered },
    now,
    windowMs,
  );
  if (!resolution) return false;
  const move = transition(conversation.state, { kind: 'resolve', resolution });
  if (move.kind === 'rejected') return false;
  const updated = await ctx.store.conversations.applyChange(
    conversation.id,
    conversation.state,
    { state: move.to, resolution },
    {
      type: 'resolved',
      actor: { kind: 'system' },
      data: {
        by: resolution === 'ai' ? 'ai_assumed' : 'abandoned',
        resolution,
        teamKey: conversation.teamKey,
      },
    },
  );
  if (updated === null) return false;
  await broadcastConversation(ctx, updated);
  return true;
};
