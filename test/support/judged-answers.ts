/**
 * Judged 'shipping' answers for threshold suggestion tests: ten AI answers at each raw confidence
 * 0.45, 0.55, 0.65 and 0.75, of which 4, 7, 10 and 10 were right; the wrong ones a reviewer labelled
 * `should_have_escalated`. Forty labels are under calibration's minimum, so scores stay raw.
 */
import type { TestBaton } from './test-baton.ts';

const rightOfTen: readonly (readonly [number, number])[] = [
  [0.45, 4],
  [0.55, 7],
  [0.65, 10],
  [0.75, 10],
];

export const seedJudgedShippingAnswers = async (baton: TestBaton): Promise<void> => {
  const workspaceId = (await baton.store.workspaces.getBySlug('acme'))?.id ?? '';
  const quinn = await baton.store.agents.getByEmail(workspaceId, 'quinn@acme.test');
  const customer = await baton.store.customers.create({ workspaceId, name: 'Shipping Customer' });
  for (const [confidence, right] of rightOfTen) {
    for (let i = 0; i < 10; i += 1) {
      const conversation = await baton.store.conversations.create(
        { workspaceId, customerId: customer.id },
        {
          type: 'conversation_started',
          actor: { kind: 'customer', id: customer.id },
          data: { channel: 'widget' },
        },
      );
      await baton.store.events.append(conversation.id, {
        type: 'decision_made',
        actor: { kind: 'ai' },
        data: {
          action: 'answer',
          category: 'shipping',
          trace: { retrieval: { kind: 'answer', confidence }, thresholds: { answerConfidence: 0.4 } },
        },
      });
      await baton.store.reviews.saveLabel({
        workspaceId,
        conversationId: conversation.id,
        messageId: null,
        source: 'review',
        label: i < right ? 'correct' : 'should_have_escalated',
        rootCause: i < right ? null : 'policy_too_loose',
        correctAnswer: null,
        notes: null,
        authorId: quinn?.id ?? '',
      });
    }
  }
};
