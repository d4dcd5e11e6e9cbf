/** The list's "Overdue first" switch: order the rows by when their reply is due. */
import './response-timer.css';
export const OverdueFirstToggle = (props: { on: boolean; onChange: (on: boolean) => void }) => (
  <label className="overdue-first">
    <input type="checkbox" checked={props.on} onChange={(event) => props.onChange(event.target.checked)} />
    Overdue first
  </label>
);
