/** The customer's conversation token, kept in this browser so a reload continues the chat. */
const KEY = 'baton.chat';

export interface ChatSession {
  readonly conversationId: string;
  readonly token: string;
}

export const loadChatSession = (): ChatSession | null => {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (typeof value === 'object' && value && 'conversationId' in value && 'token' in value) {
      return { conversationId: String(value.conversationId), token: String(value.token) };
    }
  } catch {
    // A corrupt entry just means a fresh conversation.
  }
  return null;
};

export const saveChatSession = (session: ChatSession | null) => {
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
};
