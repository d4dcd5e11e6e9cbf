/** The week's review queue: progress, then each conversation with why it is here and its weight. */
import type { ReviewQueue } from '../../../src/api/review-schemas.ts';

const labelText = (label: string) => label.replaceAll('_', ' ');

export const QueueList = (props: {
  queue: ReviewQueue;
  selected: number;
  onSelect: (index: number) => void;
}) => {
  const { queue } = props;
  const flags = queue.items.filter((item) => item.source === 'flag').length;
  return (
    <nav className="review-queue" aria-label="Review queue">
      <h2>Week {queue.week}</h2>
      <p className="review-progress" data-testid="review-progress">
        {queue.reviewed} of {queue.items.length} reviewed
      </p>
      <progress max={Math.max(1, queue.items.length)} value={queue.reviewed} aria-label="Review progress" />
      <p className="review-sampling">
        {flags} flagged, {queue.items.length - flags} sampled from {queue.population} AI-handled conversations
        (capacity {queue.capacity})
        {queue.stored ? '' : '; the week is under way, so the sample may still grow'}.
      </p>
      <ol className="review-items">
        {queue.items.map((item, index) => (
          <li key={item.conversationId}>
            <button
              type="button"
              className={index === props.selected ? 'selected' : ''}
              aria-current={index === props.selected ? 'true' : undefined}
              onClick={() => props.onSelect(index)}
              data-testid="review-item"
            >
              <span className="review-item-title">{item.subject ?? item.category}</span>
              <span className="review-item-meta">
                {item.source === 'flag' ? 'flagged' : `${item.tier ?? ''} ${item.category}`} · weight{' '}
                {item.weight.toFixed(1)}
                {item.risks.length > 0 ? ` · ${item.risks.map(labelText).join(', ')}` : ''}
              </span>
              <span className="review-item-label" data-testid="review-item-label">
                {item.label ? labelText(item.label.label) : 'to review'}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
};
