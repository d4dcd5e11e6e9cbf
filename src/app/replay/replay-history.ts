/** A whole history replayed into a workspace (`baton simulate`, the demo), then counted. */
import { refreshConversationFacts } from '../conversation-facts.ts';
import { type RecordedConversation, type ReplayDesk, replayConversation } from './replay-conversation.ts';

/**
 * Replays the conversations in order, telling `onProgress` how many are done; returns how many
 * were stored. One that fails (a live process changed it meanwhile, e.g. the queue pulled it) is
 * reported and skipped: a history is a sample, and the rest of it still counts.
 */
export const replayHistory = async (
  desk: ReplayDesk,
  conversations: readonly RecordedConversation[],
  onProgress: (done: number) => void = () => {},
): Promise<number> => {
  let done = 0;
  let stored = 0;
  for (const conversation of conversations) {
    try {
      await replayConversation(desk, conversation);
      stored += 1;
    } catch (error) {
      desk.ctx.reportError(error, { during: 'replay', customer: conversation.customer });
    }
    done += 1;
    onProgress(done);
  }
  // Count them now, so the first report does not wait for the facts refresher.
  await refreshConversationFacts(desk.ctx.store, desk.ctx.workspace.id);
  return stored;
};
