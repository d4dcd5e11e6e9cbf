/** A view's or team's unread conversations in the inbox menu; nothing when there are none. */
export const UnreadCount = (props: { count: number }) =>
  props.count > 0 ? (
    <span className="count unread-count" data-testid="unread-count">
      {props.count}
      <span className="visually-hidden"> unread</span>
    </span>
  ) : null;
