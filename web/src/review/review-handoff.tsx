/**
 * The handoff packet beside the trace on the review screen: the reviewer judges the AI's choice to
 * hand over with what the agent was given. The inbox's packet view is reused, so both screens show
 * the same packet.
 */
import { HandoffPacketView } from '../agent/handoff-packet-view.tsx';
import { conversationHref } from '../agent/selected-conversation.ts';

export const ReviewHandoff = ({ handoff }: { handoff: Record<string, unknown> | null }) => (
  <section className="review-handoff" aria-label="Handoff">
    {handoff ? (
      <HandoffPacketView
        handoff={handoff}
        onOpenConversation={(id) => window.location.assign(conversationHref(id))}
      />
    ) : (
      <p className="review-no-handoff" data-testid="review-no-handoff">
        No handoff: the AI answered.
      </p>
    )}
  </section>
);
