/** Above the reply box: the colleagues viewing or writing in this conversation, so two people do not answer at once. */
import type { Colleague } from './use-collision.ts';

export const CollisionNotice = (props: { colleagues: readonly Colleague[] }) => (
  <div className="collision-notice" role="status" data-testid="collision-notice">
    {props.colleagues.map((c) => (
      <p key={c.name} className={`collision ${c.activity}`}>
        {c.activity === 'typing' ? `${c.name} is typing a reply` : `${c.name} is viewing`}
      </p>
    ))}
  </div>
);
