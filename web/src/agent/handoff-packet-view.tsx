/**
 * The handoff packet (SPEC §6), shown above the transcript so the agent never starts cold: the
 * question, a summary, every reason with evidence, each lookup with its result, the articles tried,
 * the AI's unsent draft, sentiment, the customer's recent conversations and profile.
 */
import type { HandoffPacket } from '../../../src/core/handoff/packet.ts';
import { sentimentWords } from '../../../src/core/handoff/sentiment-words.ts';
import { conversationHref } from './selected-conversation.ts';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

const humanCategory = (category: string | null): string =>
  category ? category.charAt(0).toUpperCase() + category.slice(1).replaceAll('_', ' ') : 'Uncategorised';

/** "resolved 3 Mar 2025", or what it is now when not resolved. */
const outcome = (c: HandoffPacket['recentConversations'][number]): string => {
  if (c.resolvedAt) return `resolved ${dateFormat.format(new Date(c.resolvedAt))}`;
  return c.state === 'resolved' ? 'resolved' : `still open (${c.state})`;
};

const isPacket = (value: unknown): value is HandoffPacket =>
  typeof value === 'object' &&
  value !== null &&
  'version' in value &&
  'question' in value &&
  'reasons' in value;

const waitWords = (wait: HandoffPacket['wait']): string => {
  switch (wait.kind) {
    case 'immediate':
    case 'estimate':
      return `promised wait: ${wait.words}`;
    case 'closed':
      return `team closed, back ${wait.backAtWords}`;
    case 'unstaffed':
      return 'nobody on shift';
    case 'unknown':
      return 'no wait promised';
  }
};

const Lookups = ({ packet }: { packet: HandoffPacket }) =>
  packet.lookups.length === 0 ? null : (
    <>
      <h4>Looked up</h4>
      <table data-testid="packet-lookups">
        <tbody>
          {packet.lookups.map((lookup) =>
            lookup.status === 'ok' ? (
              lookup.fields.map((field) => (
                <tr key={`${lookup.name}-${field.label}`}>
                  <th>{field.label}</th>
                  <td>{field.value}</td>
                </tr>
              ))
            ) : (
              <tr key={lookup.name} className="failed">
                <th>{lookup.label}</th>
                <td>
                  {lookup.status === 'timeout' ? 'timed out' : 'failed'}: {lookup.error}
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </>
  );

export const HandoffPacketView = ({
  handoff,
  onOpenConversation,
}: {
  handoff: Record<string, unknown>;
  onOpenConversation: (id: string) => void;
}) => {
  const packet = handoff.packet;
  if (!isPacket(packet)) {
    return (
      <section className="packet" data-testid="handoff-packet">
        <h3>Handed over</h3>
        <pre>{JSON.stringify(handoff, null, 2)}</pre>
      </section>
    );
  }
  return (
    <section className="packet" data-testid="handoff-packet" aria-label="Handoff packet">
      <h3>
        Handed to {packet.team.name} · {packet.category.key} ({Math.round(packet.category.confidence * 100)}%)
        · {waitWords(packet.wait)}
      </h3>
      <blockquote data-testid="packet-question">{packet.question}</blockquote>
      <p data-testid="packet-summary">{packet.summary}</p>
      <h4>Why it was handed over</h4>
      <ul className="reasons" data-testid="packet-reasons">
        {packet.reasons.map((r) => (
          <li key={`${r.code}-${r.evidence}`}>
            <strong>{r.label}</strong>: {r.evidence}
          </li>
        ))}
      </ul>
      <Lookups packet={packet} />
      {packet.articlesTried.length > 0 && (
        <>
          <h4>Articles tried</h4>
          <ul data-testid="packet-articles">
            {packet.articlesTried.slice(0, 5).map((a) => (
              <li key={a.articleId}>
                {a.title} <span className="muted">({Math.round(a.score * 100)}%)</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {packet.draft && (
        <>
          <h4>AI draft (not sent)</h4>
          <p className="muted">{packet.draft}</p>
        </>
      )}
      <h4>Customer</h4>
      <p>
        {packet.customer?.name ?? 'Unknown'}
        {packet.customer?.plan ? ` · ${packet.customer.plan} plan` : ''}
        {packet.customer?.email ? ` · ${packet.customer.email}` : ''} · sentiment{' '}
        {sentimentWords(packet.sentiment.trend)}
        {packet.recontactCount > 0 ? ` · ⚠ recontact (${packet.recontactCount})` : ''}
      </p>
      {packet.recentConversations.length > 0 && (
        <>
          <h4>Earlier conversations</h4>
          <ul data-testid="packet-recent">
            {packet.recentConversations.map((c) => (
              <li key={c.id}>
                <a
                  href={conversationHref(c.id)}
                  onClick={(event) => {
                    event.preventDefault();
                    onOpenConversation(c.id);
                  }}
                >
                  {humanCategory(c.category)} · {outcome(c)}
                </a>
                {c.isRecontact ? ' · recontact' : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
};
