/** The open conversation lives in the address (`/agent?c=<id>`), so links, reloads and Back work. */
export const conversationInUrl = (): string | null => new URLSearchParams(window.location.search).get('c');

export const conversationHref = (id: string): string => `/agent?c=${encodeURIComponent(id)}`;

/** Records the open conversation as a history step (null: back to the list). */
export const pushConversation = (id: string | null): void => {
  const url = id ? conversationHref(id) : '/agent';
  if (`${window.location.pathname}${window.location.search}` !== url)
    window.history.pushState({ c: id }, '', url);
};
