/** One conversation for an agent: the handoff packet first, then the transcript, reply and actions. */
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type { AgentView, ConversationDetail, LiveUpdate } from '../../../src/api/schemas.ts';
import { ApiError, apiCall, newIdempotencyKey } from '../shared/api.ts';
import { MessageBubble } from '../shared/message-bubble.tsx';
import { AiMessageFlag } from './ai-message-flag.tsx';
import { CategoryPicker } from './category-picker.tsx';
import { DecisionTrace } from './decision-trace.tsx';
import { EscalationVerdict } from './escalation-verdict.tsx';
import { HandoffPacketView } from './handoff-packet-view.tsx';
import { ReassignMenu } from './reassign-menu.tsx';

export const ConversationPane = (props: {
  conversationId: string;
  agent: AgentView;
  lastUpdate: LiveUpdate | null;
  onChanged: () => Promise<void>;
}) => {
  const { conversationId } = props;
  const [detail, setDetail] = useState<ConversationDetail | null>(null);
  const [draft, setDraft] = useState('');
  const [asNote, setAsNote] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setDetail(await apiCall<ConversationDetail>('GET', `/api/inbox/conversations/${conversationId}`));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not load the conversation.');
    }
  }, [conversationId]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    const update = props.lastUpdate;
    if (!update) return;
    const touches =
      ((update.type === 'message' || update.type === 'resync') && update.conversationId === conversationId) ||
      (update.type === 'conversation' && update.conversation.id === conversationId);
    if (touches) void load();
  }, [props.lastUpdate, conversationId, load]);

  const act = async (path: string, body?: unknown) => {
    setError(null);
    try {
      await apiCall(
        'POST',
        `/api/inbox/conversations/${conversationId}/${path}`,
        body === undefined ? {} : { body },
      );
      await Promise.all([load(), props.onChanged()]);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'That did not work. Try again.');
    }
  };

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text) return;
    await act(
      asNote ? 'notes' : 'replies',
      asNote ? { text } : { text, idempotencyKey: newIdempotencyKey() },
    );
    setDraft('');
  };

  if (!detail) return <p className="loading">{error ?? 'Loading…'}</p>;
  const { conversation } = detail;
  const isMine = conversation.assigneeId === props.agent.id;
  const packet = detail.handoff && typeof detail.handoff.packet === 'object' ? detail.handoff : null;

  return (
    <article className="conversation" data-testid="conversation-pane">
      <header className="conversation-header">
        <div>
          <h2>{detail.customer.name}</h2>
          <span className={`tag state-${conversation.state}`} data-testid="conversation-state">
            {conversation.state}
          </span>
          {conversation.teamKey && <span className="tag">{conversation.teamKey}</span>}
          {conversation.assigneeName && <span className="tag">→ {conversation.assigneeName}</span>}
        </div>
        <div className="actions">
          <CategoryPicker
            category={conversation.category}
            onConfirm={(category) => void act('category', { category })}
          />
          {conversation.state !== 'resolved' && (
            <ReassignMenu
              currentAssigneeId={conversation.assigneeId}
              onReassign={(target) => void act('reassign', target)}
            />
          )}
          {conversation.state !== 'resolved' && !isMine && (
            <button type="button" onClick={() => void act('pick-up')}>
              Pick up
            </button>
          )}
          {conversation.state !== 'resolved' && (
            <button type="button" className="primary" onClick={() => void act('resolve')}>
              Resolve
            </button>
          )}
        </div>
      </header>
      {packet && <HandoffPacketView handoff={packet} />}
      {packet && (
        <EscalationVerdict
          verdict={detail.verdict}
          onVerdict={(verdict) => void act('verdict', { verdict })}
        />
      )}
      {detail.decision && <DecisionTrace decision={detail.decision} />}
      <ol className="transcript" data-testid="transcript">
        {detail.messages.map((m) => (
          <MessageBubble key={m.id} message={m} viewer="agent">
            {m.author === 'ai' && (
              <AiMessageFlag
                existing={detail.flags.find((f) => f.messageId === m.id)?.flag ?? null}
                onFlag={(kind, correctAnswer) =>
                  act(`messages/${m.id}/flags`, correctAnswer.trim() ? { kind, correctAnswer } : { kind })
                }
              />
            )}
          </MessageBubble>
        ))}
      </ol>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {conversation.state !== 'resolved' && (
        <form className={`composer ${asNote ? 'note-mode' : ''}`} onSubmit={send}>
          <textarea
            aria-label={asNote ? 'Internal note' : 'Reply to the customer'}
            placeholder={asNote ? 'Only your team sees this note…' : 'Reply to the customer…'}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <div className="composer-actions">
            <label className="note-toggle">
              <input type="checkbox" checked={asNote} onChange={(e) => setAsNote(e.target.checked)} />{' '}
              Internal note
            </label>
            <button type="submit" disabled={!draft.trim()}>
              {asNote ? 'Add note' : 'Send reply'}
            </button>
          </div>
        </form>
      )}
    </article>
  );
};
