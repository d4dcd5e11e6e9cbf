/** One click: was this handoff needed, or could the AI have answered? */
export const EscalationVerdict = (props: {
  verdict: 'needed' | 'not_needed' | null;
  onVerdict: (verdict: 'needed' | 'not_needed') => void;
}) => (
  <div className="verdict" data-testid="escalation-verdict">
    <span>Was this handoff needed?</span>
    <button
      type="button"
      className={props.verdict === 'needed' ? 'chosen' : ''}
      aria-pressed={props.verdict === 'needed'}
      onClick={() => props.onVerdict('needed')}
    >
      Needed
    </button>
    <button
      type="button"
      className={props.verdict === 'not_needed' ? 'chosen' : ''}
      aria-pressed={props.verdict === 'not_needed'}
      onClick={() => props.onVerdict('not_needed')}
    >
      Not needed — the AI could have answered
    </button>
  </div>
);
