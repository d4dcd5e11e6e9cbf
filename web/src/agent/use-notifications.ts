/**
 * Tells the agent about new handoffs that are theirs and customers writing in their conversations:
 * the tab title flashes, and if they chose so a chime plays and the desktop shows a notification
 * (clicking it opens the conversation). Nothing for the conversation open in a tab they look at.
 */
import { useEffect, useRef } from 'react';
import type { AgentView, ConversationSummary, LiveUpdate } from '../../../src/api/schemas.ts';
import { apiCall } from '../shared/api.ts';
import { useLiveUpdates } from '../shared/live.ts';
import { type Alert, alertFor, type KnownConversation } from './notification-rules.ts';
import { chime, desktopNotificationsSupported, useNotificationChoices } from './notification-settings.ts';
import { flashTitle } from './tab-title.ts';

const conversationOf = (update: LiveUpdate): string | null => {
  if (update.type === 'conversation') return update.conversation.id;
  return update.type === 'message' ? update.conversationId : null;
};

export const useNotifications = (agent: AgentView, selected: string | null, open: (id: string) => void) => {
  const { choices, change } = useNotificationChoices(agent.id);
  const known = useRef(new Map<string, KnownConversation>());
  const latest = useRef({ selected, open, choices });
  latest.current = { selected, open, choices };

  // What the person already has: their queues and their conversations are not news.
  const learn = () => {
    for (const view of ['queue', 'mine'] as const)
      void apiCall<{ conversations: ConversationSummary[] }>('GET', `/api/inbox/conversations?view=${view}`)
        .then(({ conversations }) => {
          for (const c of conversations) if (!known.current.has(c.id)) known.current.set(c.id, c);
        })
        .catch(() => {});
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: learned once per person.
  useEffect(learn, [agent.id]);

  const tell = (alert: Alert) => {
    const { selected: open, choices: chosen } = latest.current;
    if (alert.conversationId === open && document.visibilityState === 'visible') return;
    flashTitle(alert.title);
    if (chosen.sound) chime();
    if (chosen.desktop && desktopNotificationsSupported() && Notification.permission === 'granted') {
      const shown = new Notification(alert.title, {
        body: alert.body.slice(0, 200),
        tag: alert.conversationId,
      });
      shown.onclick = () => {
        window.focus();
        latest.current.open(alert.conversationId);
        shown.close();
      };
    }
  };

  useLiveUpdates('', (update) => {
    const id = conversationOf(update);
    if (id === null) return;
    const alert = alertFor(update, known.current.get(id), agent);
    if (update.type === 'conversation') known.current.set(id, update.conversation);
    if (alert) tell(alert);
  });

  return { choices, change };
};
