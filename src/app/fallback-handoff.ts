/**
 * When the turn engine itself fails, the customer is still handed to a person (`ai_unavailable`),
 * with a handoff composed exactly like every other one: their words, what happened, who takes over.
 */
import { composeHandoff } from '../core/handoff/index.ts';
import type { TranscriptLine } from '../core/ports/answerer.ts';
import type { AppContext } from './context.ts';
import { teamQueueSnapshot } from './team-queue.ts';
import type { TurnOutcome } from './turn-engine.ts';

export const fallbackHandoff = async (
  ctx: AppContext,
  transcript: readonly TranscriptLine[],
  error: unknown,
): Promise<TurnOutcome> => {
  const teams = await ctx.store.teams.list(ctx.workspace.id);
  const team = teams.find((t) => t.categories.includes('other')) ?? teams[0];
  const teamKey = team?.key ?? 'support';
  const question = [...transcript].reverse().find((line) => line.role === 'customer')?.text ?? '';
  const reasons = [
    { code: 'ai_unavailable', evidence: error instanceof Error ? error.message : 'the AI failed' },
  ] as const;
  const handoff = composeHandoff({
    question,
    transcript,
    category: 'other',
    categoryConfidence: 0,
    reasons,
    signals: {},
    lookups: [],
    triedArticles: [],
    draft: null,
    sentimentTrend: [],
    team: { key: teamKey, name: team?.name ?? 'Support' },
    queue: await teamQueueSnapshot(ctx, teamKey),
    businessHours: team?.businessHours ?? null,
    now: ctx.now(),
  });
  return {
    kind: 'escalate',
    teamKey,
    priority: 1,
    category: null,
    reasons,
    message: handoff.message,
    waitMinutes: handoff.waitMinutes,
    packet: { ...handoff.packet },
    trace: { failure: reasons[0].evidence },
  };
};
