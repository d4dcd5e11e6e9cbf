/**
 * The canned-reply picker in the reply box: the agent's teams' saved replies, filled in for this
 * conversation by the server, filtered by title as the agent types. A combobox over a listbox
 * (WAI-ARIA pattern), so arrows move, Enter inserts and Escape goes back to the reply untouched.
 */
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type { CannedReplyViewBody } from '../../../src/api/canned-reply-schemas.ts';
import { ApiError, apiCall } from '../shared/api.ts';

type Loaded =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'ready'; readonly replies: readonly CannedReplyViewBody[] };

/** Replies whose title holds every word typed, in the server's order (the conversation's team first). */
export const matchingReplies = (
  replies: readonly CannedReplyViewBody[],
  filter: string,
): readonly CannedReplyViewBody[] => {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  return replies.filter((reply) => words.every((word) => reply.title.toLowerCase().includes(word)));
};

export const CannedReplyPicker = (props: {
  conversationId: string;
  onPick: (reply: CannedReplyViewBody) => void;
  onClose: () => void;
}) => {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const ids = useId();

  useEffect(() => {
    input.current?.focus();
    let current = true;
    apiCall<{ replies: CannedReplyViewBody[] }>(
      'GET',
      `/api/canned-replies?conversation=${encodeURIComponent(props.conversationId)}`,
    )
      .then((body) => current && setLoaded({ kind: 'ready', replies: body.replies }))
      .catch(
        (e: unknown) =>
          current &&
          setLoaded({
            kind: 'failed',
            message: e instanceof ApiError ? e.message : 'Could not load the canned replies. Try again.',
          }),
      );
    return () => {
      current = false;
    };
  }, [props.conversationId]);

  const shown = loaded.kind === 'ready' ? matchingReplies(loaded.replies, filter) : [];
  const chosen = shown[Math.min(active, shown.length - 1)];
  const optionId = (id: string) => `${ids}-option-${id}`;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => Math.max(0, Math.min(shown.length - 1, index + step)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (chosen) props.onPick(chosen);
    } else if (event.key === 'Escape') {
      // Closing the picker only: the reply box keeps focus and the global Escape does nothing more.
      event.preventDefault();
      event.stopPropagation();
      props.onClose();
    }
  };

  return (
    <div className="canned-picker" data-testid="canned-picker">
      <label htmlFor={`${ids}-filter`}>Canned reply</label>
      <input
        id={`${ids}-filter`}
        ref={input}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-expanded="true"
        aria-controls={`${ids}-list`}
        aria-autocomplete="list"
        aria-activedescendant={chosen ? optionId(chosen.id) : undefined}
        aria-describedby={`${ids}-keys`}
        placeholder="Type to filter by title"
        value={filter}
        onChange={(e) => {
          setFilter(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <span id={`${ids}-keys`} className="visually-hidden">
        Up and down choose, Enter inserts the reply, Escape goes back to your reply.
      </span>
      {loaded.kind === 'loading' && <p className="canned-status">Loading canned replies…</p>}
      {loaded.kind === 'failed' && (
        <p className="error" role="alert">
          {loaded.message}
        </p>
      )}
      {loaded.kind === 'ready' && shown.length === 0 && (
        <p className="canned-status" role="status">
          {loaded.replies.length === 0
            ? 'Your teams have no canned replies yet. Ops and admins add them on the Canned replies page.'
            : 'No canned reply title matches. Escape goes back to your reply.'}
        </p>
      )}
      <div id={`${ids}-list`} role="listbox" aria-label="Canned replies" className="canned-options">
        {shown.map((reply) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox above handles the keys for its options (WAI-ARIA pattern)
          <div
            key={reply.id}
            tabIndex={-1}
            id={optionId(reply.id)}
            role="option"
            aria-selected={reply === chosen}
            className={reply === chosen ? 'active' : ''}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => props.onPick(reply)}
            data-testid="canned-option"
          >
            <strong>{reply.title}</strong> <span className="canned-team">{reply.teamKey}</span>
            <span className="canned-preview">{reply.text}</span>
            {reply.unfilled.length > 0 && (
              <span className="canned-unfilled">
                Leaves for you to fill: {reply.unfilled.map((p) => `{{${p}}}`).join(', ')}
              </span>
            )}
          </div>
        ))}
      </div>
    </div>
  );
};
