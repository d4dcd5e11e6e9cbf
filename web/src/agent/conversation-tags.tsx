/**
 * Tags in the conversation header: chips with a × each, and "Add tag" opening a text box that
 * offers the workspace's tags. Enter adds, Backspace in the empty box takes the last tag off,
 * Escape closes the box; `t` (the inbox shortcut) opens it. QA reviewers see the chips only.
 */
import { forwardRef, type KeyboardEvent, useImperativeHandle, useRef, useState } from 'react';
import type { ConversationSummary } from '../../../src/api/schemas.ts';
import type { WorkspaceTagView } from '../../../src/api/tag-schemas.ts';
import { ApiError, apiCall } from '../shared/api.ts';
import './conversation-tags.css';

export interface ConversationTagsHandle {
  openAdder(): void;
}

const tagPath = (conversationId: string, name: string) =>
  `/api/inbox/conversations/${encodeURIComponent(conversationId)}/tags/${encodeURIComponent(name)}`;

/** The workspace's tags, to offer while typing. */
export const loadWorkspaceTags = async (): Promise<readonly WorkspaceTagView[]> =>
  (await apiCall<{ tags: WorkspaceTagView[] }>('GET', '/api/inbox/tags')).tags;

export const ConversationTags = forwardRef<
  ConversationTagsHandle,
  {
    conversationId: string;
    tags: readonly string[];
    canEdit: boolean;
    onChanged: () => Promise<unknown>;
  }
>(function ConversationTags(props, ref) {
  const [adding, setAdding] = useState(false);
  const [text, setText] = useState('');
  const [offered, setOffered] = useState<readonly WorkspaceTagView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  const openAdder = () => {
    if (!props.canEdit) return;
    setAdding(true);
    setError(null);
    void loadWorkspaceTags().then(setOffered, () => setOffered([]));
    requestAnimationFrame(() => input.current?.focus());
  };
  useImperativeHandle(ref, () => ({ openAdder }));

  const change = async (method: 'PUT' | 'DELETE', name: string): Promise<boolean> => {
    setError(null);
    try {
      await apiCall<ConversationSummary>(method, tagPath(props.conversationId, name));
      await props.onChanged();
      return true;
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'That did not work. Try again.');
      return false;
    }
  };

  const close = () => {
    setAdding(false);
    setText('');
    requestAnimationFrame(() => addButton.current?.focus());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (text.trim() === '') return;
      void change('PUT', text).then((added) => added && setText(''));
    } else if (event.key === 'Escape') {
      // Handled here, so the inbox's Escape (back to the list on a phone) does not fire too.
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'Backspace' && text === '' && props.tags.length > 0) {
      event.preventDefault();
      const last = props.tags[props.tags.length - 1];
      if (last !== undefined) void change('DELETE', last);
    }
  };

  const suggestions = offered.filter((tag) => !props.tags.includes(tag.name));
  return (
    <div className="conversation-tags" data-testid="conversation-tags">
      <ul className="tag-chips" aria-label="Tags">
        {props.tags.map((name) => (
          <li key={name} className="tag tag-chip" data-testid="tag-chip">
            <span>{name}</span>
            {props.canEdit && (
              <button
                type="button"
                className="tag-remove"
                aria-label={`Remove tag ${name}`}
                onClick={() => void change('DELETE', name).then(() => addButton.current?.focus())}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {props.canEdit && !adding && (
        <button
          ref={addButton}
          type="button"
          className="link add-tag"
          onClick={openAdder}
          aria-keyshortcuts="t"
        >
          + Add tag
        </button>
      )}
      {props.canEdit && adding && (
        <span className="tag-adder">
          <label htmlFor="tag-input" className="visually-hidden">
            Add a tag (Enter adds, Backspace removes the last, Escape closes)
          </label>
          <input
            ref={input}
            id="tag-input"
            type="text"
            list="tag-suggestions"
            value={text}
            maxLength={32}
            autoComplete="off"
            placeholder="Tag name"
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onKeyDown}
            onBlur={() => {
              if (text.trim() === '') setAdding(false);
            }}
          />
          <datalist id="tag-suggestions">
            {suggestions.map((tag) => (
              <option key={tag.name} value={tag.name}>
                {`${tag.name} (${tag.conversations})`}
              </option>
            ))}
          </datalist>
        </span>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
});

/** A list row's tags, after its other labels. */
export const RowTags = (props: { tags: readonly string[] | undefined }) => (
  <>
    {(props.tags ?? []).map((name) => (
      <span key={name} className="tag tag-chip" data-testid="row-tag">
        #{name}
      </span>
    ))}
  </>
);
