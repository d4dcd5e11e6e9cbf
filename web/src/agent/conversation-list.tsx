import { forwardRef, type ReactNode } from 'react';
import type { ConversationSummary } from '../../../src/api/schemas.ts';
import { RowTags } from './conversation-tags.tsx';
import { describeHold } from './hold-control.tsx';
import { ResponseTimer } from './response-timer.tsx';
import type { ViewTotal } from './use-inbox-list.ts';

const ago = (iso: string | null) => {
  if (!iso) return '';
  const minutes = Math.round((Date.now() - new Date(iso).getTime()) / 60_000);
  if (minutes < 1) return 'now';
  if (minutes < 60) return `${minutes} min`;
  return `${Math.round(minutes / 60)} h`;
};

export interface RowSelection {
  readonly ids: ReadonlySet<string>;
  readonly toggle: (id: string) => void;
  /** Every row shown, or none when every row shown is already picked. */
  readonly toggleAll: () => void;
}

/** The view's size: every row shown, else the view's total ("10,000+" past the count's cap). */
const countText = (shown: number, total: ViewTotal | null | undefined): string => {
  if (!total) return shown.toLocaleString('en');
  return `${Math.max(total.count, shown).toLocaleString('en')}${total.capped ? '+' : ''}`;
};

/** The conversations of the chosen view; the open one is marked as current. */
export const ConversationList = forwardRef<
  HTMLUListElement,
  {
    title: string;
    /** Above the title: the search. */
    header?: ReactNode;
    /** Below the title: what to do with the picked rows. */
    bulkBar?: ReactNode;
    /** What an empty list says. */
    emptyText?: string;
    conversations: readonly ConversationSummary[];
    selected: string | null;
    /** Conversations with news the person has not read. */
    unreadIds?: readonly string[];
    /** How many the whole view holds, when the list shows only the first of them. */
    total?: ViewTotal | null;
    /** The rows picked for a bulk action, and how to pick them; absent where the person cannot act on them. */
    selection?: RowSelection | undefined;
    /** Loads the next rows of the view; absent when every row is shown. */
    onShowMore?: (() => void) | undefined;
    onSelect: (id: string) => void;
  }
>(function ConversationList(props, ref) {
  return (
    <section className="list" aria-labelledby="list-title">
      <div className="list-head">
        {props.header}
        <h2 id="list-title" className="list-title">
          {props.selection && props.conversations.length > 0 && (
            <input
              type="checkbox"
              className="row-pick"
              aria-label="Select every conversation shown"
              checked={props.conversations.every((c) => props.selection?.ids.has(c.id))}
              onChange={props.selection.toggleAll}
            />
          )}
          {props.title} <span className="muted">({countText(props.conversations.length, props.total)})</span>
        </h2>
        {props.bulkBar}
      </div>
      {props.conversations.length === 0 && (
        <p className="empty">{props.emptyText ?? 'Nobody is waiting here.'}</p>
      )}
      <ul ref={ref}>
        {props.conversations.map((c) => {
          const unread = props.unreadIds?.includes(c.id) ?? false;
          return (
            <li key={c.id} className={props.selection ? 'pickable' : undefined}>
              {props.selection && (
                <input
                  type="checkbox"
                  className="row-pick"
                  aria-label={`Select ${c.customerName}`}
                  checked={props.selection.ids.has(c.id)}
                  onChange={() => props.selection?.toggle(c.id)}
                />
              )}
              <button
                type="button"
                data-testid="conversation-row"
                data-id={c.id}
                aria-current={props.selected === c.id ? 'true' : undefined}
                data-unread={unread ? 'true' : undefined}
                className={`row ${props.selected === c.id ? 'active' : ''}${unread ? ' unread' : ''}`}
                onClick={() => props.onSelect(c.id)}
              >
                <span className="row-top">
                  <span className="row-name">
                    {unread && <span className="unread-dot" aria-hidden="true" />}
                    {unread && <span className="visually-hidden">Unread: </span>}
                    <strong>{c.customerName}</strong>
                  </span>
                  <span className="muted">{ago(c.lastMessageAt ?? c.createdAt)}</span>
                </span>
                <span className="row-preview">{c.lastMessagePreview ?? '—'}</span>
                <span className="row-tags">
                  <span className={`tag state-${c.state}`}>{c.state}</span>
                  {c.teamKey && <span className="tag">{c.teamKey}</span>}
                  {c.category && <span className="tag">{c.category}</span>}
                  {c.priority > 1 && <span className="tag priority">P{c.priority}</span>}
                  {c.assigneeName && <span className="tag">→ {c.assigneeName}</span>}
                  {c.hold && <span className="tag hold">{describeHold(c.hold)}</span>}
                  <RowTags tags={c.tags} />
                  <ResponseTimer due={c.responseDue} />
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {props.onShowMore && (
        <p className="list-more">
          <span className="muted">
            {props.conversations.length.toLocaleString('en')} of{' '}
            {countText(props.conversations.length, props.total)} shown
          </span>
          <button type="button" className="secondary" onClick={props.onShowMore}>
            Show more
          </button>
        </p>
      )}
    </section>
  );
});
