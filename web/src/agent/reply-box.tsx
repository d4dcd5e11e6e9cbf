/**
 * The box at the bottom of a conversation: a reply to the customer, or an internal note. Enter
 * sends, Shift+Enter starts a new line. After a note it goes back to replying, so the next message
 * reaches the customer instead of silently becoming another note.
 */
import { type FormEvent, forwardRef, type KeyboardEvent, useImperativeHandle, useRef, useState } from 'react';

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
  }
>(function ReplyBox(props, handle) {
  const [draft, setDraft] = useState('');
  const notesOnly = props.notesOnly === true;
  const [noteChosen, setAsNote] = useState(false);
  const asNote = notesOnly || noteChosen;
  const [sending, setSending] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);

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
    <form className={`composer ${asNote ? 'note-mode' : ''}`} onSubmit={send} data-testid="reply-box">
      <textarea
        ref={box}
        aria-label={asNote ? 'Internal note' : 'Reply to the customer'}
        aria-describedby="reply-keys"
        placeholder={asNote ? 'Only your team sees this note…' : 'Reply to the customer…'}
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          if (!asNote && e.target.value.trim() !== '') props.onTyping?.();
        }}
        onKeyDown={(e) => {
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
        <button type="submit" disabled={!draft.trim() || sending}>
          {asNote ? 'Add note' : 'Send reply'}
        </button>
        <span id="reply-keys" className="visually-hidden">
          Enter sends, Shift+Enter adds a line, Escape leaves the box.
        </span>
      </div>
    </form>
  );
});
