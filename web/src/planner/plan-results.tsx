/** The plan: headline figures, the role table before/after with each line's formula, and the notes. */
import type { StaffingPlanView } from '../../../src/api/planner-schemas.ts';

const fte = (n: number): string => n.toFixed(1);
const signed = (n: number): string =>
  n > 0 ? `+${n.toFixed(1)}` : n < 0 ? `−${Math.abs(n).toFixed(1)}` : '0.0';
const pct = (share: number): string => `${(share * 100).toFixed(0)}%`;

const figureNames: Readonly<Record<string, string>> = {
  teamAfter: 'Team after (FTE)',
  remainingShare: 'Share of the team that remains',
  frontline: 'Frontline agents',
  aiQa: 'AI QA',
  knowledgeOps: 'Knowledge & ops',
  specialists: 'Specialists',
  analytics: 'Analytics',
};

export const PlanSummary = ({ plan }: { plan: StaffingPlanView }) => {
  const { before, after } = plan.totals;
  return (
    <div className="summary" data-testid="plan-summary">
      <div className="stat">
        <span className="stat-label">Team today</span>
        <span className="stat-value">
          <span data-testid="headcount-before">{before.headcount}</span>
          <small>people</small>
        </span>
        <span className="stat-sub">{fte(before.fte)} FTE</span>
      </div>
      <div className="stat arrow" aria-hidden="true">
        →
      </div>
      <div className="stat strong">
        <span className="stat-label">After automation</span>
        <span className="stat-value">
          <span data-testid="headcount-after">{after.headcount}</span>
          <small>people</small>
        </span>
        <span className="stat-sub">{fte(after.fte)} FTE</span>
      </div>
      <div className="stat">
        <span className="stat-label">Team remaining</span>
        <span className="stat-value">{pct(plan.automation.remainingTeamShare)}</span>
        <span className="stat-sub">of today’s FTE</span>
      </div>
      <div className="stat">
        <span className="stat-label">AI resolves</span>
        <span className="stat-value">{pct(plan.automation.volumeShare)}</span>
        <span className="stat-sub">
          of {Math.round(plan.automation.conversationsPerWeek).toLocaleString('en-US')} conversations/week;{' '}
          {pct(plan.automation.handleHoursShareRemoved)} of handle hours
        </span>
      </div>
    </div>
  );
};

export const RoleTable = ({ plan }: { plan: StaffingPlanView }) => (
  <table className="roles" data-testid="role-table">
    <thead>
      <tr>
        <th scope="col">Role</th>
        <th scope="col" className="n">
          Before
        </th>
        <th scope="col" className="n">
          After
        </th>
        <th scope="col" className="n">
          Change
        </th>
      </tr>
    </thead>
    {plan.roles.map((line) => (
      <tbody key={line.role} className="role" data-testid="role-line" data-role={line.role}>
        <tr className="role-head">
          <th scope="row">{line.label}</th>
          <td className="n" data-testid="fte-before">
            {fte(line.before.fte)}
          </td>
          <td className="n strong" data-testid="fte-after">
            {fte(line.after.fte)}
          </td>
          <td className={`n change ${line.change < 0 ? 'down' : line.change > 0 ? 'up' : ''}`}>
            {signed(line.change)}
          </td>
        </tr>
        <tr className="role-why">
          <td colSpan={4} data-testid="role-explanation">
            <p>
              <span className="when">Before</span>
              {line.before.explanation}
            </p>
            <p>
              <span className="when after">After</span>
              {line.after.explanation}
            </p>
          </td>
        </tr>
      </tbody>
    ))}
    <tfoot>
      <tr>
        <th scope="row">Total FTE</th>
        <td className="n" data-testid="total-fte-before">
          {fte(plan.totals.before.fte)}
        </td>
        <td className="n strong" data-testid="total-fte-after">
          {fte(plan.totals.after.fte)}
        </td>
        <td className="n">{signed(plan.totals.after.fte - plan.totals.before.fte)}</td>
      </tr>
      <tr>
        <th scope="row">People</th>
        <td className="n">{plan.totals.before.headcount}</td>
        <td className="n strong">{plan.totals.after.headcount}</td>
        <td className="n">
          {signed(plan.totals.after.headcount - plan.totals.before.headcount).replace('.0', '')}
        </td>
      </tr>
    </tfoot>
  </table>
);

export const PlanNotes = ({ plan }: { plan: StaffingPlanView }) => {
  const comparisonNotes = new Set(plan.comparisons.map((c) => c.note));
  const modelNotes = plan.notes.filter((n) => !comparisonNotes.has(n));
  return (
    <div className="notes">
      <section className="panel">
        <h2>What the model says</h2>
        <ul data-testid="model-notes">
          {modelNotes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      </section>
      {plan.comparisons.length > 0 && (
        <section className="panel">
          <h2>Against what support leaders report</h2>
          <p className="hint">
            The ranges people report for a team like this. Where the plan differs, one sentence says which
            input would have to change.
          </p>
          <ul className="comparisons" data-testid="comparisons">
            {plan.comparisons.map((c) => (
              <li key={c.figure} className={c.within ? 'within' : 'gap'} data-figure={c.figure}>
                <div className="comparison-head">
                  <strong>{figureNames[c.figure] ?? c.figure}</strong>
                  <span className={`badge ${c.within ? 'ok' : 'off'}`}>
                    {c.within ? 'within range' : `${c.gap > 0 ? 'above' : 'below'} by ${comparisonGap(c)}`}
                  </span>
                </div>
                <p>
                  {figureValue(c, c.model)} against the reported {figureRange(c)}.
                  {c.change && (
                    <>
                      {' '}
                      <span data-testid="comparison-change">{c.change}</span>
                    </>
                  )}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
};

type Comparison = StaffingPlanView['comparisons'][number];

const figureValue = (c: Comparison, value: number): string =>
  c.figure === 'remainingShare' ? pct(value) : `${fte(value)} FTE`;

const figureRange = (c: Comparison): string => {
  const [low, high] = c.reported;
  const unit = (v: number) => (c.figure === 'remainingShare' ? pct(v) : String(v));
  return low === high ? unit(low) : `${unit(low)}–${unit(high)}`;
};

const comparisonGap = (c: StaffingPlanView['comparisons'][number]): string =>
  c.figure === 'remainingShare'
    ? `${Math.abs(c.gap * 100).toFixed(0)} pts`
    : `${Math.abs(c.gap).toFixed(Math.abs(c.gap) < 0.1 ? 2 : 1)} FTE`;
