/**
 * One verdict per conversation for the report: an agent's flag and the reviewer's label on the same
 * conversation are one reviewed conversation, not two. The reviewer's label wins over a flag (the
 * review is the considered verdict); among labels of the same kind, the last changed wins.
 */
import type { ReviewLabel } from '../escalation-need.ts';

export interface LabelForVerdict {
  readonly conversationId: string;
  readonly source: 'review' | 'flag';
  readonly label: ReviewLabel;
  readonly updatedAt: Date;
}

const outranks = (a: LabelForVerdict, b: LabelForVerdict): boolean =>
  a.source !== b.source ? a.source === 'review' : a.updatedAt >= b.updatedAt;

export const verdictPerConversation = <L extends LabelForVerdict>(labels: readonly L[]): L[] => {
  const chosen = new Map<string, L>();
  for (const label of labels) {
    const held = chosen.get(label.conversationId);
    if (!held || outranks(label, held)) chosen.set(label.conversationId, label);
  }
  return [...chosen.values()];
};
