/**
 * Snooze and waiting on the customer in the conversation header: presets (in an hour, tomorrow
 * morning, Monday morning) or a time of the agent's choosing, in the agent's own time zone; a
 * held conversation shows its hold and a button to take it off.
 */
import { type FormEvent, useState } from 'react';
import type { HoldRequestBody, HoldView } from '../../../src/api/hold-schemas.ts';
import { ApiError, apiCall } from '../shared/api.ts';

const atNine = (from: Date, plusDays: number) =>
  new Date(from.getFullYear(), from.getMonth(), from.getDate() + plusDays, 9, 0, 0, 0);

/** The snooze presets, as the agent's clock reads them. */
export const snoozePresets = (now: Date): readonly (readonly [string, Date])[] => [
  ['1 hour', new Date(now.getTime() + 3_600_000)],
  ['Tomorrow 9:00', atNine(now, 1)],
  // Monday next week, or in a week when today is Monday.
  ['Monday 9:00', atNine(now, (8 - now.getDay()) % 7 || 7)],
];

const when = (iso: string) =>
  new Date(iso).toLocaleString([], {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });

export const describeHold = (hold: NonNullable<HoldView>): string =>
  hold.kind === 'snoozed' && hold.until ? `Snoozed until ${when(hold.until)}` : 'Waiting on the customer';

export const HoldControl = (props: {
  conversationId: string;
  hold: HoldView;
  onChanged: () => Promise<unknown>;
}) => {
  const [open, setOpen] = useState(false);
  const [custom, setCustom] = useState('');
  const [error, setError] = useState<string | null>(null);

  const put = async (body: HoldRequestBody) => {
    setError(null);
    try {
      await apiCall('PUT', `/api/inbox/conversations/${encodeURIComponent(props.conversationId)}/hold`, {
        body,
      });
      setOpen(false);
      await props.onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'That did not work. Try again.');
    }
  };
  const snooze = (until: Date) => void put({ kind: 'snoozed', until: until.toISOString() });
  const snoozeCustom = (event: FormEvent) => {
    event.preventDefault();
    // datetime-local is the agent's wall clock; Date reads it in their time zone.
    const until = new Date(custom);
    if (Number.isNaN(until.getTime())) setError('Pick a date and a time to snooze until.');
    else snooze(until);
  };

  if (props.hold) {
    return (
      <div className="hold-control">
        <span className="tag hold" data-testid="conversation-hold">
          {describeHold(props.hold)}
        </span>
        <button type="button" onClick={() => void put({ kind: 'none' })}>
          {props.hold.kind === 'snoozed' ? 'Unsnooze' : 'Not waiting'}
        </button>
        {error && (
          <span className="error" role="alert">
            {error}
          </span>
        )}
      </div>
    );
  }
  return (
    <div className="hold-control">
      <button type="button" aria-expanded={open} aria-controls="hold-options" onClick={() => setOpen(!open)}>
        Snooze
      </button>
      <button type="button" onClick={() => void put({ kind: 'waiting_on_customer' })}>
        Waiting on customer
      </button>
      {open && (
        <fieldset id="hold-options" className="hold-options">
          <legend className="visually-hidden">Snooze until</legend>
          {snoozePresets(new Date()).map(([label, until]) => (
            <button key={label} type="button" onClick={() => snooze(until)}>
              {label}
            </button>
          ))}
          <form onSubmit={snoozeCustom}>
            <label htmlFor="snooze-until">Until</label>
            <input
              id="snooze-until"
              type="datetime-local"
              value={custom}
              onChange={(e) => setCustom(e.target.value)}
              required
            />
            <button type="submit">Snooze until then</button>
          </form>
        </fieldset>
      )}
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
};
