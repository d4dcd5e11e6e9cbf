/** Writing one team: name, the policy categories it owns, hours per weekday in its time zone, holidays. */
import { type FormEvent, useState } from 'react';
import type { TeamDetailView } from '../../../src/api/team-schemas.ts';
import { ApiError, apiCall } from '../shared/api.ts';

const weekdays = [
  ['1', 'Monday'],
  ['2', 'Tuesday'],
  ['3', 'Wednesday'],
  ['4', 'Thursday'],
  ['5', 'Friday'],
  ['6', 'Saturday'],
  ['7', 'Sunday'],
] as const;
type Weekday = (typeof weekdays)[number][0];

const messageOf = (error: unknown): string =>
  error instanceof ApiError ? error.message : 'Could not reach Baton. Try again.';

export const TeamForm = (props: {
  team: TeamDetailView | null;
  categories: readonly string[];
  onSaved: () => void;
}) => {
  const hours = props.team?.businessHours;
  const [key, setKey] = useState(props.team?.key ?? '');
  const [name, setName] = useState(props.team?.name ?? '');
  const [owned, setOwned] = useState<readonly string[]>(props.team?.categories ?? []);
  const [timeZone, setTimeZone] = useState(
    hours?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
  );
  const [days, setDays] = useState<Partial<Record<Weekday, [string, string]>>>(hours?.days ?? {});
  const [holidays, setHolidays] = useState((hours?.holidays ?? []).join(', '));
  const [error, setError] = useState<string | null>(null);
  const setDay = (day: Weekday, window: [string, string] | undefined) => setDays({ ...days, [day]: window });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const holidayList = holidays
      .split(',')
      .map((date) => date.trim())
      .filter((date) => date !== '');
    try {
      await apiCall('PUT', `/api/teams/${encodeURIComponent(key)}`, {
        body: { name, categories: owned, businessHours: { timeZone, days, holidays: holidayList } },
      });
      props.onSaved();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const heading = props.team ? `Edit ${props.team.name}` : 'New team';
  return (
    <form className="team-form" onSubmit={submit} aria-label={heading}>
      <h2>{heading}</h2>
      {props.team ? null : (
        <label>
          Key (lowercase, used in the policy)
          <input
            value={key}
            onChange={(e) => setKey(e.target.value)}
            required
            pattern="[a-z][a-z0-9_\-]{0,39}"
          />
        </label>
      )}
      <label>
        Team name
        <input value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <fieldset>
        <legend>Categories owned</legend>
        {props.categories.map((category) => (
          <label key={category} className="inline">
            <input
              type="checkbox"
              checked={owned.includes(category)}
              onChange={(e) =>
                setOwned(e.target.checked ? [...owned, category] : owned.filter((c) => c !== category))
              }
            />
            {category}
          </label>
        ))}
      </fieldset>
      <label>
        Time zone
        <input value={timeZone} onChange={(e) => setTimeZone(e.target.value)} required />
      </label>
      <fieldset>
        <legend>Business hours (no day ticked: open at all hours)</legend>
        {weekdays.map(([day, dayName]) => {
          const window = days[day];
          return (
            <div key={day} className="team-day">
              <label className="inline">
                <input
                  type="checkbox"
                  checked={window !== undefined}
                  onChange={(e) => setDay(day, e.target.checked ? ['09:00', '17:00'] : undefined)}
                />
                {dayName}
              </label>
              {window ? (
                <>
                  <label className="inline">
                    opens
                    <input
                      type="time"
                      value={window[0]}
                      onChange={(e) => setDay(day, [e.target.value, window[1]])}
                    />
                  </label>
                  <label className="inline">
                    closes
                    <input
                      type="time"
                      value={window[1]}
                      onChange={(e) => setDay(day, [window[0], e.target.value])}
                    />
                  </label>
                </>
              ) : null}
            </div>
          );
        })}
      </fieldset>
      <label>
        Holidays (YYYY-MM-DD, comma-separated)
        <input value={holidays} onChange={(e) => setHolidays(e.target.value)} />
      </label>
      <button type="submit">Save team</button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
};
