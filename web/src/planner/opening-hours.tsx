/** Opening hours, Monday first: open or closed, and from–to on a 24-hour clock. */
import type { PlanInputView } from '../../../src/api/planner-schemas.ts';
import { type DayHours, setOpeningHours } from './edit-input.ts';
import { days } from './field-labels.ts';

const hour = (h: number): string => `${String(h).padStart(2, '0')}:00`;
const opens = Array.from({ length: 24 }, (_, h) => h);
const closes = Array.from({ length: 24 }, (_, h) => h + 1);

export const OpeningHours = (props: {
  input: PlanInputView;
  onChange: (input: PlanInputView) => void;
  invalid: (path: string) => boolean;
}) => {
  const set = (day: number, hours: DayHours) => props.onChange(setOpeningHours(props.input, day, hours));
  return (
    <table className="hours">
      <tbody>
        {days.map((name, day) => {
          const hours = props.input.openingHours[day] ?? null;
          return (
            <tr key={name} className={props.invalid(`openingHours.${day}`) ? 'invalid-row' : ''}>
              <th scope="row">{name.slice(0, 3)}</th>
              <td>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={hours !== null}
                    aria-label={`Open on ${name}`}
                    onChange={(e) => set(day, e.target.checked ? [9, 17] : null)}
                  />
                  {hours === null ? 'closed' : 'open'}
                </label>
              </td>
              <td>
                {hours && (
                  <span className="hours-range">
                    <select
                      aria-label={`Opens on ${name}`}
                      value={hours[0]}
                      onChange={(e) => set(day, [Number(e.target.value), hours[1]])}
                    >
                      {opens.map((h) => (
                        <option key={h} value={h}>
                          {hour(h)}
                        </option>
                      ))}
                    </select>
                    –
                    <select
                      aria-label={`Closes on ${name}`}
                      value={hours[1]}
                      onChange={(e) => set(day, [hours[0], Number(e.target.value)])}
                    >
                      {closes.map((h) => (
                        <option key={h} value={h}>
                          {hour(h)}
                        </option>
                      ))}
                    </select>
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
};
