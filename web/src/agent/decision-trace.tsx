/** "Why did the AI do this?": the latest decision with its trace, folded by default. */
export const DecisionTrace = ({ decision }: { decision: Record<string, unknown> }) => (
  <details className="decision-trace" data-testid="decision-trace">
    <summary>
      Why did the AI {decision.action === 'escalate' ? 'hand this over' : 'answer this way'}?{' '}
      {typeof decision.category === 'string' && <span className="tag">{decision.category}</span>}
    </summary>
    <pre>{JSON.stringify(decision.trace ?? decision, null, 2)}</pre>
  </details>
);
