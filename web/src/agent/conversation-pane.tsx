/**
 * One conversation for an agent: the header with its actions, then one scrolling column — the
 * handoff packet first, the trace, the transcript — and the reply box always at the bottom.
 */
import {
  type ReactNode,
  type Ref,
  useCallback,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
} from 'react';
import type { AgentView, ConversationDetail, LiveUpdate } from '../../../src/api/schemas.ts';
import { canReplyToCustomers, canTakeOver } from '../../../src/core/auth/permissions.ts';
import { ApiError, apiCall, newIdempotencyKey } from '../shared/api.ts';
import { MessageBubble } from '../shared/message-bubble.tsx';
import { useStickToBottom } from '../shared/use-stick-to-bottom.ts';
import { AiMessageFlag } from './ai-message-flag.tsx';
import { CategoryPicker } from './category-picker.tsx';
import { ConversationTags, type ConversationTagsHandle } from './conversation-tags.tsx';
import { DecisionTrace } from './decision-trace.tsx';
import { EscalationVerdict } from './escalation-verdict.tsx';
import { HandoffPacketView } from './handoff-packet-view.tsx';
import { HoldControl } from './hold-control.tsx';
import { ReassignMenu } from './reassign-menu.tsx';
import { ReplyBox, type ReplyBoxHandle } from './reply-box.tsx';
import { resolutionNote } from './resolution-note.ts';
import { ResponseTimer } from './response-timer.tsx';
import { TakeOver } from './take-over.tsx';

/** What the inbox's keyboard shortcuts can ask of the open conversation. */
export interface PaneCommands {
  reply(): void;
  note(): void;
  assignToMe(): Promise<void>;
  resolve(): Promise<boolean>;
  /** Opens the header's "Add tag" box. */
  tag(): void;
  /** Moves focus out of the reply box onto the conversation. */
  leaveReplyBox(): void;
}

const TYPING_EVERY_MS = 3000;

const holderOf = (details: unknown): string | null => {
  const name = typeof details === 'object' && details !== null ? Reflect.get(details, 'assigneeName') : null;
  return typeof name === 'string' ? name : null;
};

/** What went wrong, in words; a 409 already_assigned names who has the conversation and what to do. */
const actionError = (e: unknown, agent: AgentView): string => {
  if (!(e instanceof ApiError)) return 'That did not work. Try again.';
  if (e.code !== 'already_assigned') return e.message;
  const holder = holderOf(e.details) ?? 'Another agent';
  return canTakeOver(agent)
    ? `${holder} already has this conversation. Use "Take over" if you need to take it.`
    : `${holder} already has this conversation. Ask them to hand it over, or ask a specialist.`;
};

const touches = (update: LiveUpdate, conversationId: string): boolean =>
  ((update.type === 'message' || update.type === 'resync') && update.conversationId === conversationId) ||
  (update.type === 'conversation' && update.conversation.id === conversationId);

export const ConversationPane = (props: {
  conversationId: string;
  agent: AgentView;
  lastUpdate: LiveUpdate | null;
  onChanged: () => Promise<void>;
  /** Resolved from here: the inbox moves on to the next conversation. */
  onResolved: () => void;
  /** Phones show one screen at a time: back to the list. */
  onBack: () => void;
  /** Put focus in the reply box when the conversation opens. */
  focusReplyOnOpen: boolean;
  commands: Ref<PaneCommands>;
  openConversation: (id: string) => void;
  /** Above the reply box: colleagues viewing or writing here. */
  presence?: ReactNode;
}) => {
  const { conversationId } = props;
  const [detail, setDetail] = useState<ConversationDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** QA reviewers read, judge and leave notes; the customer never hears from them (the server agrees). */
  const replies = canReplyToCustomers(props.agent);
  const replyBox = useRef<ReplyBoxHandle>(null);
  const tagBox = useRef<ConversationTagsHandle>(null);
  const lastTyping = useRef(0);
  const body = useRef<HTMLElement | null>(null);
  const scroller = useStickToBottom<HTMLElement>(detail ? detail.messages.length : -1, { startAt: 'top' });

  const setScroller = scroller.ref;
  const bodyRef = useCallback(
    (element: HTMLElement | null) => {
      body.current = element;
      setScroller(element);
    },
    [setScroller],
  );

  // Only the newest load may show its answer: an older one can arrive later with older state.
  const loads = useRef(0);
  const load = useCallback(async () => {
    const mine = ++loads.current;
    try {
      const loaded = await apiCall<ConversationDetail>('GET', `/api/inbox/conversations/${conversationId}`);
      if (mine === loads.current) setDetail(loaded);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not load the conversation.');
    }
  }, [conversationId]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (props.lastUpdate && touches(props.lastUpdate, conversationId)) void load();
  }, [props.lastUpdate, conversationId, load]);

  const loaded = detail !== null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the conversation first shows
  useEffect(() => {
    if (loaded && props.focusReplyOnOpen) replyBox.current?.focus('reply');
  }, [loaded]);

  const act = async (path: string, body?: unknown): Promise<boolean> => {
    setError(null);
    try {
      await apiCall(
        'POST',
        `/api/inbox/conversations/${conversationId}/${path}`,
        body === undefined ? {} : { body },
      );
      await Promise.all([load(), props.onChanged()]);
      return true;
    } catch (e) {
      setError(actionError(e, props.agent));
      // A conversation someone else took meanwhile: show who has it now.
      if (e instanceof ApiError && e.code === 'already_assigned') void load();
      return false;
    }
  };

  const resolve = async () => {
    const done = await act('resolve');
    if (done) props.onResolved();
    return done;
  };

  useImperativeHandle(props.commands, () => ({
    reply: () => replyBox.current?.focus('reply'),
    note: () => replyBox.current?.focus('note'),
    assignToMe: async () => {
      if (replies && detail && detail.conversation.assigneeId !== props.agent.id) await act('pick-up');
    },
    resolve: async () => (replies && detail && detail.conversation.state !== 'resolved' ? resolve() : false),
    leaveReplyBox: () => body.current?.focus(),
    tag: () => tagBox.current?.openAdder(),
  }));

  if (!detail) return <p className="loading">{error ?? 'Loading…'}</p>;
  const { conversation } = detail;
  const open = conversation.state !== 'resolved';
  const isMine = conversation.assigneeId === props.agent.id;
  const heldByOther = conversation.state === 'assigned' && conversation.assigneeId !== null && !isMine;
  const packet = detail.handoff && typeof detail.handoff.packet === 'object' ? detail.handoff : null;

  // The customer's "typing…" lasts 8 s; one signal every 3 s keeps it on while the agent writes.
  const typing = () => {
    const now = Date.now();
    if (now - lastTyping.current < TYPING_EVERY_MS) return;
    lastTyping.current = now;
    void apiCall('POST', `/api/inbox/conversations/${conversationId}/typing`, { body: {} }).catch(() => {});
  };

  const send = async (text: string, asNote: boolean): Promise<boolean> => {
    const sent = await act(
      asNote ? 'notes' : 'replies',
      asNote ? { text } : { text, idempotencyKey: newIdempotencyKey() },
    );
    if (sent) scroller.scrollToEnd();
    return sent;
  };

  return (
    <article className="conversation" data-testid="conversation-pane" aria-labelledby="conversation-title">
      <header className="conversation-header">
        <button type="button" className="link back" onClick={props.onBack}>
          ← Conversations
        </button>
        <div className="conversation-who">
          <h2 id="conversation-title">{detail.customer.name}</h2>
          <span className={`tag state-${conversation.state}`} data-testid="conversation-state">
            {conversation.state}
          </span>
          {conversation.teamKey && <span className="tag">{conversation.teamKey}</span>}
          {conversation.assigneeName && <span className="tag">→ {conversation.assigneeName}</span>}
          <ResponseTimer due={conversation.responseDue} />
          <ConversationTags
            ref={tagBox}
            conversationId={conversationId}
            tags={conversation.tags ?? []}
            canEdit={replies}
            onChanged={() => Promise.all([load(), props.onChanged()])}
          />
        </div>
        <div className="actions">
          <CategoryPicker
            category={conversation.category}
            onConfirm={(category) => void act('category', { category })}
          />
          {replies && (conversation.state === 'queued' || conversation.state === 'assigned') && (
            <HoldControl
              conversationId={conversationId}
              hold={conversation.hold}
              onChanged={() => Promise.all([load(), props.onChanged()])}
            />
          )}
          {open && replies && (
            <ReassignMenu
              currentAssigneeId={conversation.assigneeId}
              onReassign={(target) => void act('reassign', target)}
            />
          )}
          {open && replies && !isMine && !heldByOther && (
            <button type="button" onClick={() => void act('pick-up')} aria-keyshortcuts="a">
              Pick up
            </button>
          )}
          {open && heldByOther && canTakeOver(props.agent) && (
            <TakeOver
              holderName={conversation.assigneeName ?? 'a colleague'}
              onConfirm={() => act('take-over')}
            />
          )}
          {open && replies && (
            <button type="button" className="primary" onClick={() => void resolve()} aria-keyshortcuts="e">
              Resolve
            </button>
          )}
        </div>
      </header>
      <section
        className="conversation-body"
        aria-label="Handoff and transcript"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the scrolling column must be reachable by keyboard, and takes focus when the reply box is left
        tabIndex={0}
        ref={bodyRef}
        onScroll={scroller.onScroll}
        data-testid="conversation-body"
      >
        {packet && <HandoffPacketView handoff={packet} onOpenConversation={props.openConversation} />}
        {packet && (
          <EscalationVerdict
            verdict={detail.verdict}
            onVerdict={(verdict) => void act('verdict', { verdict })}
          />
        )}
        {detail.decision && <DecisionTrace decision={detail.decision} />}
        <ol className="transcript" data-testid="transcript" aria-label="Transcript">
          {detail.messages.map((m) => (
            <MessageBubble key={m.id} message={m} viewer="agent">
              {m.author === 'ai' && (
                <AiMessageFlag
                  existing={detail.flags.find((f) => f.messageId === m.id)?.flag ?? null}
                  onFlag={async (kind, correctAnswer) => {
                    await act(
                      `messages/${m.id}/flags`,
                      correctAnswer.trim() ? { kind, correctAnswer } : { kind },
                    );
                  }}
                />
              )}
            </MessageBubble>
          ))}
        </ol>
        {scroller.unseen && (
          <button type="button" className="jump-to-latest" onClick={scroller.scrollToEnd}>
            New message ↓
          </button>
        )}
      </section>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {props.presence}
      {open ? (
        <ReplyBox
          ref={replyBox}
          onSend={send}
          onLeave={() => body.current?.focus()}
          notesOnly={!replies}
          onTyping={typing}
          conversationId={conversationId}
        />
      ) : (
        <p className="resolved-note">{resolutionNote(detail)}</p>
      )}
    </article>
  );
};
