/** The handoff packet (SPEC §6), shown above the transcript so the agent never starts cold. */
const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
const asList = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.map(asRecord) : [];
const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

export const HandoffPacketView = ({ handoff }: { handoff: Record<string, unknown> }) => {
  const packet = asRecord(handoff.packet);
  const reasons = asList(handoff.reasons ?? packet.reasons);
  return (
    <section className="packet" data-testid="handoff-packet" aria-label="Handoff packet">
      <h3>Handed over{handoff.teamKey ? ` to ${text(handoff.teamKey)}` : ''}</h3>
      {packet.question !== undefined && (
        <blockquote data-testid="packet-question">{text(packet.question)}</blockquote>
      )}
      {packet.summary !== undefined && <p>{text(packet.summary)}</p>}
      {reasons.length > 0 && (
        <ul className="reasons">
          {reasons.map((r) => (
            <li key={`${text(r.code)}-${text(r.evidence)}`}>
              <strong>{text(r.code).replaceAll('_', ' ')}</strong>: {text(r.evidence)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};
