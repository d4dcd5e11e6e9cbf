/** The person's notification choices in the inbox menu: a chime, and desktop notifications (opt-in). */
import type { NotificationChoices } from './notification-settings.ts';
import { desktopNotificationsSupported } from './notification-settings.ts';

export const NotificationToggles = (props: {
  choices: NotificationChoices;
  onChange: (next: Partial<NotificationChoices>) => void;
}) => (
  <fieldset className="notification-toggles">
    <legend>Notify me of new handoffs and replies</legend>
    <label>
      <input
        type="checkbox"
        checked={props.choices.sound}
        onChange={(e) => props.onChange({ sound: e.target.checked })}
      />{' '}
      Play a sound
    </label>
    {desktopNotificationsSupported() && (
      <label>
        <input
          type="checkbox"
          checked={props.choices.desktop}
          onChange={(e) => props.onChange({ desktop: e.target.checked })}
        />{' '}
        Desktop notifications
      </label>
    )}
  </fieldset>
);
