/**
 * The box at the bottom of a conversation: a reply to the customer, or an internal note. Enter
 * sends, Shift+Enter starts a new line. After a note it goes back to replying, so the next message
 * reaches the customer instead of silently becoming another note. `/` in an empty box (or the
 * button) opens the canned-reply picker; placeholders it could not fill stay visible and listed.
 */
import {
  type FormEvent,
  forwardRef,
  type KeyboardEvent,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import type { CannedReplyViewBody } from '../../../src/api/canned-reply-schemas.ts';
import { placeholdersIn } from '../../../src/core/canned-replies/placeholders.ts';
import { CannedReplyPicker } from './canned-reply-picker.tsx';
import './canned-replies.css';

export interface ReplyBoxHandle {
  /** Focuses the box in reply or note mode. */
  focus(mode: 'reply' | 'note'): void;
}

export const ReplyBox = forwardRef<
  ReplyBoxHandle,
  {
    onSend: (text: string, asNote: boolean) => Promise<boolean>;
    onLeave: () => void;
    /** Called while a reply (never a note) is being written; the pane throttles it. */
    onTyping?: () => void;
    /** For QA reviewers: only internal notes, no reply to the customer and no toggle. */
    notesOnly?: boolean;
    /** The conversation the canned replies are filled in for; without it there is no picker. */
    conversationId?: string;
  }
>(function ReplyBox(props, handle) {
  const [draft, setDraft] = useState('');
  const notesOnly = props.notesOnly === true;
  const [noteChosen, setAsNote] = useState(false);
  const asNote = notesOnly || noteChosen;
  const [sending, setSending] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const [picking, setPicking] = useState(false);
  const canPick = !notesOnly && props.conversationId !== undefined;
  const unfilled = placeholdersIn(draft);

  /**
   * Where the cursor goes once an inserted reply is on screen. Applied in a layout effect, in the
   * same task as the render: from a later animation frame the box was focused only after the agent's
   * next keystrokes had already gone to the closing picker, and the first letter typed was lost.
   */
  const pendingSelection = useRef<readonly [number, number] | null>(null);
  useLayoutEffect(() => {
    const selection = pendingSelection.current;
    const element = box.current;
    if (selection === null || !element) return;
    pendingSelection.current = null;
    element.focus();
    element.setSelectionRange(selection[0], selection[1]);
  });

  /** Puts the reply where the cursor was and selects its first unfilled placeholder to type over. */
  const insert = (reply: CannedReplyViewBody) => {
    const element = box.current;
    const at = element?.selectionStart ?? draft.length;
    const end = element?.selectionEnd ?? draft.length;
    const next = draft.slice(0, at) + reply.text + draft.slice(end);
    const holeAt = reply.unfilled[0] === undefined ? -1 : reply.text.indexOf('{{');
    const start = holeAt >= 0 ? at + holeAt : at + reply.text.length;
    pendingSelection.current = [start, holeAt >= 0 ? next.indexOf('}}', start) + 2 : start];
    setDraft(next);
    setPicking(false);
  };

  useImperativeHandle(handle, () => ({
    focus(mode) {
      setAsNote(mode === 'note');
      box.current?.focus();
    },
  }));

  const send = async (event: FormEvent | KeyboardEvent) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text || sending) return;
    setSending(true);
    const sent = await props.onSend(text, asNote);
    setSending(false);
    if (!sent) return;
    setDraft('');
    setAsNote(false);
  };

  return (
    <form
      className={`composer reply-composer ${asNote ? 'note-mode' : ''}`}
      onSubmit={send}
      data-testid="reply-box"
    >
      {picking && props.conversationId !== undefined && (
        <CannedReplyPicker
          conversationId={props.conversationId}
          onPick={insert}
          onClose={() => {
            setPicking(false);
            box.current?.focus();
          }}
        />
      )}
      <textarea
        ref={box}
        aria-label={asNote ? 'Internal note' : 'Reply to the customer'}
        aria-describedby={unfilled.length > 0 ? 'reply-keys reply-unfilled' : 'reply-keys'}
        placeholder={asNote ? 'Only your team sees this note…' : 'Reply to the customer…'}
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          if (!asNote && e.target.value.trim() !== '') props.onTyping?.();
        }}
        onKeyDown={(e) => {
          if (e.key === '/' && canPick && draft === '') {
            e.preventDefault();
            setPicking(true);
          }
          if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) void send(e);
          if (e.key === 'Escape') {
            e.preventDefault();
            props.onLeave();
          }
        }}
      />
      <div className="composer-actions">
        {notesOnly ? (
          <span className="note-toggle" data-testid="review-only">
            Your role reviews: notes only, no replies to the customer.
          </span>
        ) : (
          <label className="note-toggle">
            <input type="checkbox" checked={asNote} onChange={(e) => setAsNote(e.target.checked)} /> Internal
            note
          </label>
        )}
        {canPick && (
          <button
            type="button"
            aria-expanded={picking}
            aria-keyshortcuts="/"
            onClick={() => setPicking((shown) => !shown)}
          >
            Canned reply
          </button>
        )}
        <button type="submit" disabled={!draft.trim() || sending}>
          {asNote ? 'Add note' : 'Send reply'}
        </button>
        <span id="reply-keys" className="visually-hidden">
          Enter sends, Shift+Enter adds a line, Escape leaves the box
          {canPick ? ', / in an empty box picks a canned reply' : ''}.
        </span>
      </div>
      <div className="composer-unfilled" aria-live="polite">
        {unfilled.length > 0 && (
          <p id="reply-unfilled" data-testid="reply-unfilled">
            Still to fill in before sending: {unfilled.map((p) => `{{${p}}}`).join(', ')}
          </p>
        )}
      </div>
    </form>
  );
});
