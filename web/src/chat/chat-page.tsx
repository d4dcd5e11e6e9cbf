/** The customer chat: ask, get an AI answer with its source, or be handed to a person — live. */
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import type { CustomerConversation, LiveUpdate, MessageView } from '../../../src/api/schemas.ts';
import { ApiError, apiCall, newIdempotencyKey } from '../shared/api.ts';
import { useLiveUpdates } from '../shared/live.ts';
import { MessageBubble } from '../shared/message-bubble.tsx';
import { type ChatSession, identityFromUrl, loadChatSession, saveChatSession } from './chat-session.ts';

const mergeMessage = (messages: readonly MessageView[], message: MessageView): MessageView[] =>
  messages.some((m) => m.id === message.id) ? [...messages] : [...messages, message];

const statusLine = (conversation: CustomerConversation | null): string => {
  if (!conversation || conversation.state === 'ai')
    return 'Our AI assistant answers from Acme’s help articles.';
  if (conversation.state === 'queued') return `Waiting for the ${conversation.teamName ?? 'support'} team`;
  if (conversation.state === 'assigned') {
    return `You’re talking with ${conversation.assigneeName ?? 'an agent'}${conversation.teamName ? ` (${conversation.teamName})` : ''}`;
  }
  return 'This conversation is resolved. Write again any time to reopen it.';
};

export const ChatPage = () => {
  const [session, setSession] = useState<ChatSession | null>(loadChatSession);
  const [conversation, setConversation] = useState<CustomerConversation | null>(null);
  const [messages, setMessages] = useState<MessageView[]>([]);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [aiTyping, setAiTyping] = useState(false);
  /** The AI's answer as it streams in; cleared when the stored message arrives. */
  const [aiDraft, setAiDraft] = useState('');
  const [sending, setSending] = useState(false);
  const endRef = useRef<HTMLDivElement>(null);

  const reload = useCallback(async (current: ChatSession) => {
    try {
      const view = await apiCall<CustomerConversation>(
        'GET',
        `/api/widget/conversations/${current.conversationId}`,
        {
          token: current.token,
        },
      );
      setConversation(view);
      setMessages(view.messages);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 403 || e.status === 404)) {
        saveChatSession(null);
        setSession(null);
      }
    }
  }, []);

  useEffect(() => {
    if (session) void reload(session);
  }, [session, reload]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll to the newest line whenever the transcript grows
  useEffect(() => {
    // Newer browsers return a promise from scrollIntoView; an effect must return nothing or a cleanup.
    void endRef.current?.scrollIntoView({ block: 'end' });
  }, [messages, aiTyping, aiDraft]);

  const onUpdate = useCallback(
    (update: LiveUpdate) => {
      if (update.type === 'message') {
        setMessages((current) => mergeMessage(current, update.message));
        if (update.message.author !== 'customer') {
          setAiTyping(false);
          setAiDraft('');
        }
      } else if (update.type === 'ai_draft_delta') {
        setAiDraft((current) => current + update.delta);
      } else if (update.type === 'typing') {
        setAiTyping(true);
      } else if (update.type === 'conversation') {
        setConversation((current) =>
          current
            ? { ...current, state: update.conversation.state, assigneeName: update.conversation.assigneeName }
            : current,
        );
        if (session) void reload(session);
      } else if (session) {
        void reload(session);
      }
    },
    [session, reload],
  );

  useLiveUpdates(
    session
      ? `?conversation=${encodeURIComponent(session.conversationId)}&token=${encodeURIComponent(session.token)}`
      : null,
    onUpdate,
    () => session && void reload(session),
  );

  const ensureSession = async (): Promise<ChatSession> => {
    if (session) return session;
    const identity = identityFromUrl();
    const started = await apiCall<{ token: string; conversation: CustomerConversation }>(
      'POST',
      '/api/widget/conversations',
      { body: identity ?? {} },
    );
    const created = {
      conversationId: started.conversation.id,
      token: started.token,
      externalId: identity?.externalId ?? null,
    };
    saveChatSession(created);
    setSession(created);
    setConversation(started.conversation);
    return created;
  };

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text || sending) return;
    setSending(true);
    setError(null);
    try {
      const current = await ensureSession();
      const sent = await apiCall<{ message: MessageView }>(
        'POST',
        `/api/widget/conversations/${current.conversationId}/messages`,
        {
          token: current.token,
          body: { text, idempotencyKey: newIdempotencyKey() },
        },
      );
      setMessages((list) => mergeMessage(list, sent.message));
      setDraft('');
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not send. Check your connection and try again.');
    } finally {
      setSending(false);
    }
  };

  const startOver = () => {
    saveChatSession(null);
    setSession(null);
    setConversation(null);
    setMessages([]);
  };

  return (
    <main className="chat">
      <header className="chat-header">
        <div>
          <strong>Acme support</strong>
          <div className="chat-status" data-testid="chat-status">
            {statusLine(conversation)}
          </div>
        </div>
        {session && (
          <button type="button" className="link" onClick={startOver}>
            New conversation
          </button>
        )}
      </header>
      <ol className="transcript" aria-live="polite">
        <li className="bubble theirs author-ai">
          <div className="bubble-body">
            Hi! I’m Acme’s assistant. Ask me anything about orders, delivery, your account or billing.
          </div>
        </li>
        {messages.map((m) => (
          <MessageBubble key={m.id} message={m} viewer="customer" />
        ))}
        {aiTyping && aiDraft !== '' && (
          <li className="bubble theirs author-ai draft" data-testid="ai-draft" aria-busy="true">
            <div className="bubble-body">{aiDraft}</div>
          </li>
        )}
        {aiTyping && aiDraft === '' && (
          <li className="bubble theirs typing" data-testid="typing">
            …
          </li>
        )}
      </ol>
      <div ref={endRef} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <form className="composer" onSubmit={send}>
        <textarea
          aria-label="Your message"
          placeholder="Type your question…"
          value={draft}
          maxLength={4000}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) void send(e);
          }}
        />
        <button type="submit" disabled={sending || !draft.trim()}>
          Send
        </button>
      </form>
    </main>
  );
};
