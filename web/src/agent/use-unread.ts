/**
 * The signed-in person's unread conversations and counts, kept fresh by the inbox's live updates.
 * Opening a conversation marks it read, and so does a new message arriving in the open one while
 * the tab is in view. The tab title carries the count: "(3) Inbox · Baton".
 */
import { useCallback, useEffect, useState } from 'react';
import type { ConversationSummary, LiveUpdate } from '../../../src/api/schemas.ts';
import { type UnreadView, unreadViewSchema } from '../../../src/api/unread-schemas.ts';
import { apiCall } from '../shared/api.ts';
import { useOneAtATime } from '../shared/use-one-at-a-time.ts';
import { setBaseTitle } from './tab-title.ts';

export const tabTitle = (total: number): string => (total > 0 ? `(${total}) Inbox · Baton` : 'Inbox · Baton');

const aboutConversation = (update: LiveUpdate): string | null => {
  if (update.type === 'message' || update.type === 'resync') return update.conversationId;
  return update.type === 'conversation' ? update.conversation.id : null;
};

export const useUnread = (
  selected: string | null,
  lastUpdate: LiveUpdate | null,
  listed: readonly ConversationSummary[],
) => {
  const [unread, setUnread] = useState<UnreadView | null>(null);
  // One request at a time; news during it asks for one more afterwards, not one per update.
  const refresh = useOneAtATime(async () => {
    setUnread(unreadViewSchema.parse(await apiCall<unknown>('GET', '/api/inbox/unread')));
    return false;
  });

  const markRead = useCallback(
    async (id: string) => {
      if (document.visibilityState !== 'visible') return;
      await apiCall('POST', `/api/inbox/conversations/${id}/read`, { body: {} }).catch(() => {});
      await refresh();
    },
    [refresh],
  );

  useEffect(() => {
    if (selected) void markRead(selected);
    else void refresh();
  }, [selected, markRead, refresh]);

  // The list reloads on every change it hears and after a reconnect: the counts follow it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `listed` is the trigger, not an input.
  useEffect(() => {
    void refresh();
  }, [listed, refresh]);

  useEffect(() => {
    if (!lastUpdate) return;
    const id = aboutConversation(lastUpdate);
    if (id !== null && id === selected && lastUpdate.type === 'message') void markRead(id);
    else if (id !== null) void refresh();
  }, [lastUpdate, selected, markRead, refresh]);

  // Coming back to the tab: what is open in it is now read.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible' && selected) void markRead(selected);
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [selected, markRead]);

  const total = unread?.total ?? 0;
  useEffect(() => {
    setBaseTitle(tabTitle(total));
  }, [total]);
  useEffect(() => () => setBaseTitle('Baton'), []);

  return unread;
};
