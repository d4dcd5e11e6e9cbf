/** The customer chat: ask, get an AI answer with its source, or be handed to a person — live. */
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { offersAnswerCheck } from '../../../src/core/conversation/answer-confirmation.ts';
import { ApiError, apiCall } from '../shared/api.ts';
import { MessageBubble } from '../shared/message-bubble.tsx';
import { useStickToBottom } from '../shared/use-stick-to-bottom.ts';
import { AnswerCheck } from './answer-check.tsx';
import { workspaceFromUrl } from './chat-session.ts';
import { statusLine, timeline } from './chat-timeline.ts';
import { RatingPrompt } from './rating-prompt.tsx';
import { useChat } from './use-chat.ts';
import { askHostToClose, hasHost, isEmbedded, onHostOpens } from './widget-bridge.ts';

interface Appearance {
  readonly greeting: string;
  readonly colour: string;
}

/** The workspace's greeting and colour (Settings); until they arrive the greeting bubble waits empty. */
const useAppearance = (): Appearance | null => {
  const [appearance, setAppearance] = useState<Appearance | null>(null);
  useEffect(() => {
    const workspace = workspaceFromUrl();
    const query = workspace ? `?${new URLSearchParams({ workspace })}` : '';
    apiCall<Appearance>('GET', `/api/widget/settings${query}`)
      .then(setAppearance)
      .catch(() => setAppearance({ greeting: 'Hi! How can we help?', colour: '' }));
  }, []);
  return appearance;
};

export const ChatPage = () => {
  const chat = useChat();
  const appearance = useAppearance();
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    // The workspace's colour replaces the blue of the send button and the customer's bubbles.
    if (appearance?.colour) panel.current?.style.setProperty('--blue', appearance.colour);
  }, [appearance]);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const embedded = isEmbedded();
  const closable = embedded && hasHost();
  const items = timeline(chat.messages, chat.notices, chat.conversation?.state ?? null);
  const scroller = useStickToBottom<HTMLDivElement>(`${items.length}:${chat.typing}:${chat.aiDraft.length}`, {
    startAt: 'bottom',
  });

  useEffect(() => {
    if (!embedded) return;
    input.current?.focus();
    return onHostOpens(() => input.current?.focus());
  }, [embedded]);

  const send = async (event: FormEvent | KeyboardEvent) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text || sending) return;
    setSending(true);
    setError(null);
    try {
      await chat.send(text);
      // Clear what was sent, not what the customer typed meanwhile (the answer can arrive first).
      setDraft((current) => (current.trim() === text ? '' : current));
      scroller.scrollToEnd();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not send. Check your connection and try again.');
    } finally {
      setSending(false);
    }
  };

  return (
    // Escape anywhere in the panel closes it, like a dialog.
    <main
      className={`chat${embedded ? ' embedded' : ''}`}
      ref={panel}
      onKeyDown={(e) => {
        if (closable && e.key === 'Escape') askHostToClose();
      }}
    >
      <header className="chat-header">
        <div>
          <h1>Acme support</h1>
          <div className="chat-status" data-testid="chat-status">
            {statusLine(chat.conversation, chat.messages, chat.notices)}
          </div>
        </div>
        <div className="chat-header-actions">
          {chat.session && (
            <button type="button" className="link" onClick={chat.startOver}>
              New conversation
            </button>
          )}
          {closable && (
            <button type="button" className="chat-close" aria-label="Close chat" onClick={askHostToClose}>
              ×
            </button>
          )}
        </div>
      </header>
      <div
        className="transcript-scroll"
        role="log"
        aria-label="Conversation"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it
        tabIndex={0}
        ref={scroller.ref}
        onScroll={scroller.onScroll}
        data-testid="chat-scroll"
      >
        <ol className="transcript">
          <li className="bubble theirs author-ai">
            <div className="bubble-body" data-testid="chat-greeting">
              {appearance?.greeting ?? ''}
            </div>
          </li>
          {items.map((item) =>
            item.kind === 'message' ? (
              <MessageBubble key={item.message.id} message={item.message} viewer="customer" />
            ) : (
              <li key={item.notice.id} className="notice" data-testid="chat-notice">
                {item.notice.text}
              </li>
            ),
          )}
          {chat.typing === 'ai' && chat.aiDraft !== '' && (
            <li className="bubble theirs author-ai draft" data-testid="ai-draft" aria-busy="true">
              <div className="bubble-body">{chat.aiDraft}</div>
            </li>
          )}
          {chat.typing && !(chat.typing === 'ai' && chat.aiDraft !== '') && (
            <li className="bubble theirs typing" data-testid="typing">
              {chat.typing === 'ai'
                ? 'Acme’s assistant is typing…'
                : `${chat.conversation?.assigneeName ?? 'Your agent'} is typing…`}
            </li>
          )}
        </ol>
        {scroller.unseen && (
          <button type="button" className="jump-to-latest" onClick={scroller.scrollToEnd}>
            New message ↓
          </button>
        )}
      </div>
      {chat.conversation &&
        !chat.typing &&
        offersAnswerCheck(chat.conversation.state, chat.messages.at(-1)) && (
          <AnswerCheck onAnswered={chat.confirmAnswered} onWantsPerson={chat.askForPerson} />
        )}
      {chat.conversation?.state === 'resolved' && (
        <RatingPrompt rating={chat.conversation.rating} onRate={chat.rate} />
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <form className="composer" onSubmit={send}>
        <textarea
          ref={input}
          aria-label="Your message"
          placeholder="Type your question…"
          value={draft}
          maxLength={4000}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) void send(e);
          }}
        />
        <button type="submit" disabled={sending || !draft.trim()}>
          Send
        </button>
      </form>
    </main>
  );
};
