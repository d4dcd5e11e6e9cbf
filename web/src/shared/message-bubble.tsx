import type { ReactNode } from 'react';
import type { MessageView } from '../../../src/api/schemas.ts';
// The bubble brings its own look: the review page shows transcripts without the inbox's styles.
import './messages.css';

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

const authorLabel = (message: MessageView, viewer: 'customer' | 'agent') => {
  if (message.author === 'customer') return viewer === 'customer' ? 'You' : 'Customer';
  if (message.author === 'ai') return 'AI assistant';
  if (message.author === 'agent') return message.authorName ?? 'Agent';
  return 'Baton';
};

/** One message in a transcript; `mine` puts it on the right. */
export const MessageBubble = ({
  message,
  viewer,
  children,
}: {
  message: MessageView;
  viewer: 'customer' | 'agent';
  children?: ReactNode;
}) => {
  const mine =
    viewer === 'customer'
      ? message.author === 'customer'
      : message.author === 'agent' || message.author === 'ai';
  return (
    <li
      className={`bubble ${mine ? 'mine' : 'theirs'} author-${message.author} kind-${message.kind}`}
      data-testid="message"
      data-author={message.author}
      data-kind={message.kind}
    >
      <div className="bubble-meta">
        {message.kind === 'note' ? 'Internal note · ' : ''}
        {message.kind === 'handoff' ? 'Handed over · ' : ''}
        {authorLabel(message, viewer)} · {time(message.createdAt)}
      </div>
      <div className="bubble-body">{message.body}</div>
      {message.citations.length > 0 && (
        <div className="citations" data-testid="citations">
          Source: {message.citations.map((c) => c.title).join(', ')}
        </div>
      )}
      {children}
    </li>
  );
};
