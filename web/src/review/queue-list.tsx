/** The week's review queue: progress, then each conversation with why it is here and its weight. */
import type { ReviewQueue } from '../../../src/api/review-schemas.ts';
import { isoWeekOf, nextIsoWeek, previousIsoWeek } from '../../../src/core/coaching/iso-week.ts';

const labelText = (label: string) => label.replaceAll('_', ' ');

const weekHref = (week: string) => `/review?week=${encodeURIComponent(week)}`;

/** The weeks either side of the one shown; none after the current week, which is still being sampled. */
export const WeekLinks = (props: { week: string }) => {
  const before = previousIsoWeek(props.week);
  const after = nextIsoWeek(props.week);
  const current = isoWeekOf(new Date());
  return (
    <p className="review-weeks">
      {before && <a href={weekHref(before)}>← Week {before}</a>}
      {after && after <= current && <a href={weekHref(after)}>Week {after} →</a>}
    </p>
  );
};

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
      <WeekLinks week={queue.week} />
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
