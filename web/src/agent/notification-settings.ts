/** Each person's notification choices, kept in this browser: a chime, and desktop notifications (opt-in). */
import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';

const choicesSchema = z.object({ sound: z.boolean(), desktop: z.boolean() });
export type NotificationChoices = z.infer<typeof choicesSchema>;
const nothing: NotificationChoices = { sound: false, desktop: false };

const keyFor = (agentId: string) => `baton.notifications.${agentId}`;

const stored = (agentId: string): NotificationChoices => {
  try {
    const parsed = choicesSchema.safeParse(JSON.parse(localStorage.getItem(keyFor(agentId)) ?? 'null'));
    return parsed.success ? parsed.data : nothing;
  } catch {
    return nothing;
  }
};

export const desktopNotificationsSupported = (): boolean => typeof Notification !== 'undefined';

export const useNotificationChoices = (agentId: string) => {
  const [choices, setChoices] = useState<NotificationChoices>(() => stored(agentId));
  useEffect(() => setChoices(stored(agentId)), [agentId]);

  const change = useCallback(
    async (next: Partial<NotificationChoices>) => {
      const wanted = { ...stored(agentId), ...next };
      // Desktop notifications need the browser's permission, asked only when the person turns them on.
      if (next.desktop && desktopNotificationsSupported() && Notification.permission !== 'granted')
        wanted.desktop = (await Notification.requestPermission()) === 'granted';
      localStorage.setItem(keyFor(agentId), JSON.stringify(wanted));
      setChoices(wanted);
    },
    [agentId],
  );
  return { choices, change };
};

/** A short two-note chime made in the page (no sound file to fetch). */
export const chime = (): void => {
  try {
    const audio = new AudioContext();
    for (const [index, frequency] of [880, 1320].entries()) {
      const tone = audio.createOscillator();
      const volume = audio.createGain();
      tone.frequency.value = frequency;
      volume.gain.value = 0.08;
      tone.connect(volume).connect(audio.destination);
      const start = audio.currentTime + index * 0.15;
      tone.start(start);
      tone.stop(start + 0.12);
    }
    setTimeout(() => void audio.close(), 1000);
  } catch {
    // No audio here (a locked-down browser): the title still flashes.
  }
};
