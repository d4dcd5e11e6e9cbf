/**
 * When the turn engine itself fails, the customer is still handed to a person (`ai_unavailable`),
 * with a message that quotes them, says plainly what happened and who takes over.
 */
import type { TranscriptLine } from '../core/ports/answerer.ts';
import type { AppContext } from './context.ts';
import type { TurnOutcome } from './turn-engine.ts';

const quote = (text: string): string => (text.length > 200 ? `${text.slice(0, 197).trimEnd()}…` : text);

export const fallbackHandoff = async (
  ctx: AppContext,
  transcript: readonly TranscriptLine[],
  error: unknown,
): Promise<TurnOutcome> => {
  const teams = await ctx.store.teams.list(ctx.workspace.id);
  const team = teams.find((t) => t.categories.includes('other')) ?? teams[0];
  const question = [...transcript].reverse().find((line) => line.role === 'customer')?.text ?? '';
  const teamName = team?.name ?? 'support';
  const reason = error instanceof Error ? error.message : 'the AI failed';
  return {
    kind: 'escalate',
    teamKey: team?.key ?? 'support',
    priority: 1,
    category: null,
    reasons: [{ code: 'ai_unavailable', evidence: reason }],
    message:
      `You asked: "${quote(question)}". I couldn't look into this automatically just now, so I've passed ` +
      `your conversation to our ${teamName} team. A person will reply here as soon as they can, and they ` +
      `can see everything you've written, so you won't have to repeat yourself.`,
    waitMinutes: null,
    packet: { question, reasons: [{ code: 'ai_unavailable', evidence: reason }], team: team?.key ?? null },
    trace: { failure: reason },
  };
};
