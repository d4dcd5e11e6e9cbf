/**
 * The workspace the company's page named (`?workspace=slug`, from the loader's `data-workspace`);
 * null: the install's default workspace.
 */
export const workspaceFromUrl = (): string | null =>
  new URLSearchParams(window.location.search).get('workspace') || null;

/**
 * The customer's conversation token, kept in this browser so a reload continues the chat; one per
 * workspace, so a chat started with one company never opens on another's page.
 */
const storageKey = (): string => {
  const workspace = workspaceFromUrl();
  return workspace ? `baton.chat.${workspace}` : 'baton.chat';
};

export interface ChatSession {
  readonly conversationId: string;
  readonly token: string;
  /** The identified customer this chat belongs to, when the page was opened with one. */
  readonly externalId?: string | null;
}

/**
 * A customer identity the company's page passed in: from the loader's data attributes
 * (`?customerId=…&signature=…&expires=…`) or the older `?as=<customer id>&sig=<signature>`.
 */
export const identityFromUrl = (): {
  externalId: string;
  identitySignature: string;
  identityExpires?: number;
} | null => {
  const params = new URLSearchParams(window.location.search);
  const externalId = params.get('customerId') ?? params.get('as');
  const identitySignature = params.get('signature') ?? params.get('sig');
  if (!externalId || !identitySignature) return null;
  const expires = Number(params.get('expires') ?? Number.NaN);
  return Number.isInteger(expires)
    ? { externalId, identitySignature, identityExpires: expires }
    : { externalId, identitySignature };
};

export const loadChatSession = (): ChatSession | null => {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(storageKey()) ?? 'null');
    if (typeof value === 'object' && value && 'conversationId' in value && 'token' in value) {
      const externalId =
        'externalId' in value && typeof value.externalId === 'string' ? value.externalId : null;
      // A chat kept for another (or no) identified customer is not this visitor's.
      if (externalId !== (identityFromUrl()?.externalId ?? null)) return null;
      return { conversationId: String(value.conversationId), token: String(value.token), externalId };
    }
  } catch {
    // A corrupt entry just means a fresh conversation.
  }
  return null;
};

export const saveChatSession = (session: ChatSession | null) => {
  if (session) localStorage.setItem(storageKey(), JSON.stringify(session));
  else localStorage.removeItem(storageKey());
};
