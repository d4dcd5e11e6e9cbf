/** The customer's side of one conversation: its session token, messages, live updates and notices. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CustomerConversation, LiveUpdate, MessageView } from '../../../src/api/schemas.ts';
import { askForPersonText } from '../../../src/core/conversation/answer-confirmation.ts';
import { ApiError, apiCall, newIdempotencyKey } from '../shared/api.ts';
import { useLiveUpdates } from '../shared/live.ts';
import { withRetries } from '../shared/retry.ts';
import {
  type ChatSession,
  identityFromUrl,
  loadChatSession,
  saveChatSession,
  workspaceFromUrl,
} from './chat-session.ts';
import { type ChatNotice, noticeForChange } from './chat-timeline.ts';

/** How long a person's typing signal shows without a new one. */
const TYPING_SHOWN_MS = 8000;

const mergeMessage = (messages: readonly MessageView[], message: MessageView): MessageView[] =>
  messages.some((m) => m.id === message.id) ? [...messages] : [...messages, message];

/**
 * Loaded messages together with any that arrived live meanwhile: a reload may have been read
 * before a message the socket already delivered was stored, and must not take it away.
 */
const unionMessages = (loaded: readonly MessageView[], live: readonly MessageView[]): MessageView[] => {
  const byId = new Map<string, MessageView>();
  for (const message of [...live, ...loaded]) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
};

type ConversationChange = Pick<CustomerConversation, 'id' | 'state' | 'assigneeName'> &
  Partial<Pick<CustomerConversation, 'teamName' | 'waitingOnCustomer' | 'messages' | 'rating'>>;

export const useChat = () => {
  const [session, setSession] = useState<ChatSession | null>(loadChatSession);
  const [conversation, setConversation] = useState<CustomerConversation | null>(null);
  const [messages, setMessages] = useState<MessageView[]>([]);
  const [notices, setNotices] = useState<ChatNotice[]>([]);
  /** Who is writing a reply right now, from the live socket; cleared by their message. */
  const [typing, setTyping] = useState<'ai' | 'agent' | null>(null);
  /** The AI's answer as it streams in; cleared when the stored message arrives. */
  const [aiDraft, setAiDraft] = useState('');
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef<{ conversation: CustomerConversation | null; messages: MessageView[] }>({
    conversation: null,
    messages: [],
  });
  latest.current = { conversation, messages };

  /** Shows a conversation's new state; a change of state or person since the last view becomes a notice. */
  const show = useCallback((change: ConversationChange) => {
    const before = latest.current.conversation;
    if (!before || before.id !== change.id) {
      if (!change.messages) return;
      const first: CustomerConversation = {
        teamName: null,
        waitingOnCustomer: false,
        rating: { asked: false, given: null },
        ...change,
        messages: change.messages,
      };
      latest.current = { conversation: first, messages: change.messages };
      setConversation(first);
      setMessages(change.messages);
      return;
    }
    const lastId = latest.current.messages[latest.current.messages.length - 1]?.id ?? null;
    const notice = noticeForChange(before, { teamName: before.teamName, ...change }, lastId, Date.now());
    if (notice) setNotices((list) => [...list, notice]);
    const next: CustomerConversation = { ...before, ...change, messages: change.messages ?? before.messages };
    latest.current = { ...latest.current, conversation: next };
    setConversation(next);
    const loaded = change.messages;
    if (loaded) setMessages((current) => unionMessages(loaded, current));
  }, []);

  /** Only the newest reload may show its answer: an older one can arrive later with older state. */
  const reloads = useRef(0);
  const unsent = useRef<{ readonly text: string; readonly key: string } | null>(null);
  const reload = useCallback(
    async (current: ChatSession) => {
      const mine = ++reloads.current;
      try {
        const view = await apiCall<CustomerConversation>(
          'GET',
          `/api/widget/conversations/${current.conversationId}`,
          { token: current.token },
        );
        if (mine === reloads.current) show(view);
      } catch (e) {
        if (e instanceof ApiError && (e.status === 401 || e.status === 403 || e.status === 404)) {
          saveChatSession(null);
          setSession(null);
        }
      }
    },
    [show],
  );

  useEffect(() => {
    if (session) void reload(session);
  }, [session, reload]);

  const onUpdate = useCallback(
    (update: LiveUpdate) => {
      if (update.type === 'message') {
        setMessages((current) => mergeMessage(current, update.message));
        if (update.message.author !== 'customer') {
          setTyping(null);
          setAiDraft('');
        }
      } else if (update.type === 'ai_draft_delta') {
        setTyping('ai');
        setAiDraft((current) => current + update.delta);
      } else if (update.type === 'typing') {
        setTyping(update.author);
        // The AI's turn ends with a message; a person may stop typing without sending.
        clearTimeout(typingTimer.current);
        if (update.author === 'agent')
          typingTimer.current = setTimeout(() => setTyping(null), TYPING_SHOWN_MS);
      } else if (update.type === 'conversation_state' && session) {
        // The update says the new state and person at once; the reload brings the team name.
        const { conversationId: id, state, assigneeName } = update;
        show({ id, state, assigneeName });
        void reload(session);
      } else if (session) {
        void reload(session);
      }
    },
    [session, reload, show],
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
    const workspace = workspaceFromUrl();
    const started = await apiCall<{ token: string; conversation: CustomerConversation }>(
      'POST',
      '/api/widget/conversations',
      { body: { ...identity, ...(workspace ? { workspace } : {}) } },
    );
    const created = {
      conversationId: started.conversation.id,
      token: started.token,
      externalId: identity?.externalId ?? null,
    };
    saveChatSession(created);
    setSession(created);
    show(started.conversation);
    return created;
  };

  const send = async (text: string): Promise<void> => {
    const current = await ensureSession();
    // One key per message until it is stored: a retry (automatic, or the customer pressing send
    // again after an error) can never store it twice, even when the first attempt's answer was lost.
    const idempotencyKey = unsent.current?.text === text ? unsent.current.key : newIdempotencyKey();
    unsent.current = { text, key: idempotencyKey };
    const sent = await withRetries(() =>
      apiCall<{ message: MessageView }>(
        'POST',
        `/api/widget/conversations/${current.conversationId}/messages`,
        {
          token: current.token,
          body: { text, idempotencyKey },
        },
      ),
    );
    unsent.current = null;
    setMessages((list) => mergeMessage(list, sent.message));
  };

  /** Rates the resolved conversation (1–5, optional comment); the reload shows the thanks. */
  const rate = async (rating: number, comment: string): Promise<void> => {
    if (!session) return;
    await apiCall('POST', `/api/widget/conversations/${session.conversationId}/rating`, {
      token: session.token,
      body: { rating, comment: comment.trim() === '' ? null : comment },
    });
    await reload(session);
  };

  /** The customer says the AI's answer solved it: resolved now, and the rating question shows. */
  const confirmAnswered = async (): Promise<void> => {
    if (!session) return;
    const view = await apiCall<CustomerConversation>(
      'POST',
      `/api/widget/conversations/${session.conversationId}/resolve`,
      { token: session.token },
    );
    show(view);
  };

  /** The customer wants a person instead: their request goes through the AI turn like any message. */
  const askForPerson = (): Promise<void> => send(askForPersonText);

  const startOver = () => {
    reloads.current += 1;
    latest.current = { conversation: null, messages: [] };
    saveChatSession(null);
    setSession(null);
    setConversation(null);
    setMessages([]);
    setNotices([]);
    setAiDraft('');
  };

  return {
    session,
    conversation,
    messages,
    notices,
    typing,
    aiDraft,
    send,
    rate,
    confirmAnswered,
    askForPerson,
    startOver,
  };
};
