/** The list's "Unread only" switch: keep the rows with news the person has not read. */
import './response-timer.css';
export const UnreadOnlyToggle = (props: { on: boolean; onChange: (on: boolean) => void }) => (
  <label className="overdue-first">
    <input type="checkbox" checked={props.on} onChange={(event) => props.onChange(event.target.checked)} />
    Unread only
  </label>
);
