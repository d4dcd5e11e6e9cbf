/** The `?` sheet: every inbox shortcut. A native modal dialog, so focus stays inside and Escape closes it. */
import { useEffect, useRef } from 'react';
import { composerKeys, shortcuts } from './shortcuts.ts';

export const ShortcutHelp = (props: { open: boolean; onClose: () => void }) => {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (props.open && !element.open) element.showModal();
    if (!props.open && element.open) element.close();
  }, [props.open]);
  return (
    <dialog
      ref={dialog}
      className="shortcut-help"
      aria-labelledby="shortcut-help-title"
      onClose={props.onClose}
      data-testid="shortcut-help"
    >
      <h2 id="shortcut-help-title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {shortcuts.map((s) => (
            <tr key={s.action}>
              <th scope="row">
                {s.keys.map((k) => (
                  <kbd key={k}>{k}</kbd>
                ))}
              </th>
              <td>{s.does}</td>
            </tr>
          ))}
          {composerKeys.map((k) => (
            <tr key={k.keys}>
              <th scope="row">
                <kbd>{k.keys}</kbd>
              </th>
              <td>{k.does} (in the reply box)</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={props.onClose}>
        Close
      </button>
    </dialog>
  );
};
