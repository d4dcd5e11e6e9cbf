/**
 * Inbox keyboard shortcuts, one table for the handler and the `?` help sheet. Letter keys act only
 * when no text box has focus; Escape leaves a text box so the letters work again.
 */
import { useEffect, useRef } from 'react';

export type ShortcutAction =
  | 'next'
  | 'previous'
  | 'reply'
  | 'note'
  | 'assignToMe'
  | 'resolve'
  | 'tag'
  | 'pick'
  | 'search'
  | 'help'
  | 'leave';

export interface Shortcut {
  readonly keys: readonly string[];
  readonly action: ShortcutAction;
  readonly does: string;
}

export const shortcuts: readonly Shortcut[] = [
  { keys: ['j'], action: 'next', does: 'Open the next conversation' },
  { keys: ['k'], action: 'previous', does: 'Open the previous conversation' },
  { keys: ['r'], action: 'reply', does: 'Write a reply to the customer' },
  { keys: ['n'], action: 'note', does: 'Write an internal note' },
  { keys: ['a'], action: 'assignToMe', does: 'Assign the conversation to me' },
  { keys: ['e'], action: 'resolve', does: 'Resolve, then open the next conversation' },
  {
    keys: ['t'],
    action: 'tag',
    does: 'Add a tag to the conversation (Enter adds, Backspace removes the last)',
  },
  { keys: ['x'], action: 'pick', does: 'Select or unselect the open conversation for a bulk action' },
  { keys: ['/'], action: 'search', does: 'Search conversations (Escape leaves the search box)' },
  { keys: ['?'], action: 'help', does: 'Show these shortcuts' },
  { keys: ['Escape'], action: 'leave', does: 'Leave the reply box (or go back to the list on a phone)' },
];

/** In the reply box; listed in the help sheet, handled by the box itself. */
export const composerKeys: readonly { readonly keys: string; readonly does: string }[] = [
  { keys: 'Enter', does: 'Send the reply or note' },
  { keys: 'Shift + Enter', does: 'New line' },
  { keys: '/', does: 'Pick a canned reply (at the start of an empty reply; Enter inserts it)' },
];

/** A box that takes letters: not a checkbox or radio button, where a letter key still means a shortcut. */
const isTextEntry = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    ['TEXTAREA', 'SELECT'].includes(target.tagName) ||
    (target instanceof HTMLInputElement && !['checkbox', 'radio'].includes(target.type)));

/** Which shortcut a key press means, or null. Pure, so the rules are easy to read and test. */
export const shortcutFor = (event: {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly inTextEntry: boolean;
}): ShortcutAction | null => {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.key === 'Escape') return 'leave';
  if (event.inTextEntry) return null;
  return shortcuts.find((s) => s.keys.includes(event.key))?.action ?? null;
};

export const useShortcuts = (handlers: Partial<Record<ShortcutAction, () => void>>) => {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const action = shortcutFor({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        inTextEntry: isTextEntry(event.target),
      });
      const handler = action ? current.current[action] : undefined;
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
};
