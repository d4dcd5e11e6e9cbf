import type { ConversationSummary } from '../../../src/api/schemas.ts';

const ago = (iso: string | null) => {
  if (!iso) return '';
  const minutes = Math.round((Date.now() - new Date(iso).getTime()) / 60_000);
  if (minutes < 1) return 'now';
  if (minutes < 60) return `${minutes} min`;
  return `${Math.round(minutes / 60)} h`;
};

export const ConversationList = (props: {
  conversations: readonly ConversationSummary[];
  selected: string | null;
  onSelect: (id: string) => void;
}) => (
  <section className="list" aria-label="Conversations">
    {props.conversations.length === 0 && <p className="empty">Nobody is waiting here.</p>}
    <ul>
      {props.conversations.map((c) => (
        <li key={c.id}>
          <button
            type="button"
            data-testid="conversation-row"
            className={`row ${props.selected === c.id ? 'active' : ''}`}
            onClick={() => props.onSelect(c.id)}
          >
            <span className="row-top">
              <strong>{c.customerName}</strong>
              <span className="muted">{ago(c.lastMessageAt ?? c.createdAt)}</span>
            </span>
            <span className="row-preview">{c.lastMessagePreview ?? '—'}</span>
            <span className="row-tags">
              <span className={`tag state-${c.state}`}>{c.state}</span>
              {c.teamKey && <span className="tag">{c.teamKey}</span>}
              {c.category && <span className="tag">{c.category}</span>}
              {c.priority > 1 && <span className="tag priority">P{c.priority}</span>}
              {c.assigneeName && <span className="tag">→ {c.assigneeName}</span>}
            </span>
          </button>
        </li>
      ))}
    </ul>
  </section>
);
