/** Periodically resolves the AI conversations whose customers went quiet (SPEC §2). */
import { assumedResolution } from '../core/conversation/assumed-resolution.ts';
import { transition } from '../core/conversation/lifecycle.ts';
import { assumedResolutionWindowMs } from '../core/metrics/metrics-settings.ts';
import { broadcastConversation } from './broadcast.ts';
import type { AppContext } from './context.ts';
import { workspaceMetricsSettings } from './conversation-facts.ts';

/** Resolves them with the workspace's assumed-resolution window (the `metrics` setting, 24 h by default). */
export const resolveQuietConversations = async (ctx: AppContext): Promise<number> => {
  // The window is the workspace's (Settings → counting), 24 h unless an admin changed it.
  const windowMs = assumedResolutionWindowMs(await workspaceMetricsSettings(ctx.store, ctx.workspace.id));
  const held = await ctx.store.conversations.list(ctx.workspace.id, {
    states: ['ai'],
    limit: 1000,
    orderBy: 'recent',
  });
  let resolved = 0;
  for (const conversation of held) {
    const messages = (await ctx.store.messages.list(conversation.id)).filter((m) => m.kind !== 'note');
    const last = messages[messages.length - 1];
    const resolution = assumedResolution(
      {
        state: conversation.state,
        lastAuthor: last?.author ?? null,
        lastMessageAt: last?.createdAt ?? null,
        aiAnswered: messages.some((m) => m.author === 'ai'),
      },
      ctx.now(),
      windowMs,
    );
    if (!resolution) continue;
    const move = transition(conversation.state, { kind: 'resolve', resolution });
    if (move.kind === 'rejected') continue;
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
    if (updated) {
      resolved += 1;
      await broadcastConversation(ctx, updated);
    }
  }
  return resolved;
};
