/** Two charts: head count by role before and after, and team size across automation rates. */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceDot,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { AutomationPointView, StaffingPlanView } from '../../../src/api/planner-schemas.ts';

/** Tooltip lines in the text colour: recharts paints them in the series' colour, too light to read (axe: contrast). */
const tooltipItem = { color: '#1b1f24' };

const shortRole: Readonly<Record<string, string>> = {
  frontline: 'Frontline',
  aiQa: 'AI QA',
  knowledgeOps: 'Knowledge & ops',
  specialists: 'Specialists',
  analytics: 'Analytics',
  teamLeads: 'Team leads',
};

const colors = { before: '#b8c0cc', after: '#1f4fd1', frontline: '#12b76a' } as const;
const chartStyle = { width: '100%', height: 280 } as const;
const axisTick = { fontSize: 12, fill: '#667085' } as const;
const fteText = (value: unknown): string => (typeof value === 'number' ? value.toFixed(1) : String(value));

export const RoleBarChart = ({ plan }: { plan: StaffingPlanView }) => {
  const data = plan.roles.map((r) => ({
    roleLabel: shortRole[r.role] ?? r.label,
    before: r.before.fte,
    after: r.after.fte,
  }));
  return (
    <figure className="chart" data-testid="chart-roles">
      <figcaption>Head count by role (FTE)</figcaption>
      <BarChart
        responsive
        layout="vertical"
        style={chartStyle}
        data={data}
        margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
        barGap={2}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e4e7ec" />
        <XAxis type="number" tick={axisTick} allowDecimals={false} tickLine={false} />
        <YAxis
          type="category"
          dataKey="roleLabel"
          tick={axisTick}
          width={110}
          tickLine={false}
          axisLine={false}
        />
        <Tooltip formatter={fteText} cursor={{ fill: '#f2f4f7' }} itemStyle={tooltipItem} />
        <Legend wrapperStyle={{ fontSize: 13 }} itemSorter={null} />
        <Bar
          dataKey="before"
          name="Before"
          fill={colors.before}
          radius={[0, 4, 4, 0]}
          animationDuration={400}
        />
        <Bar dataKey="after" name="After" fill={colors.after} radius={[0, 4, 4, 0]} animationDuration={400} />
      </BarChart>
    </figure>
  );
};

export const AutomationCurveChart = ({
  plan,
  curve,
}: {
  plan: StaffingPlanView;
  curve: readonly AutomationPointView[];
}) => {
  const data = curve.map((p) => ({
    rate: Math.round(p.automationRate * 100),
    people: p.headcount,
    frontline: p.byRole.frontline,
  }));
  const here = Math.round(plan.automation.volumeShare * 100);
  return (
    <figure className="chart" data-testid="chart-curve">
      <figcaption>Team size vs automation rate</figcaption>
      <LineChart
        responsive
        style={chartStyle}
        data={data}
        margin={{ top: 8, right: 16, bottom: 4, left: -12 }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="#e4e7ec" />
        <XAxis
          dataKey="rate"
          type="number"
          domain={[0, 'dataMax']}
          ticks={data.map((d) => d.rate)}
          tickFormatter={(v: number) => `${v}%`}
          tick={axisTick}
          tickLine={false}
        />
        <YAxis tick={axisTick} allowDecimals={false} tickLine={false} axisLine={false} />
        <Tooltip
          labelFormatter={(v) => `AI resolves ${String(v)}%`}
          formatter={fteText}
          itemStyle={tooltipItem}
        />
        <Legend wrapperStyle={{ fontSize: 13 }} itemSorter={null} />
        <ReferenceLine
          x={here}
          stroke="#98a2b3"
          strokeDasharray="4 4"
          label={{ value: 'this plan', position: 'insideTopRight', fontSize: 12, fill: '#667085' }}
        />
        <ReferenceDot x={here} y={plan.totals.after.headcount} r={5} fill={colors.after} stroke="#fff" />
        <Line
          type="monotone"
          dataKey="people"
          name="Whole team (people)"
          stroke={colors.after}
          strokeWidth={2.5}
          dot={{ r: 3 }}
          animationDuration={400}
        />
        <Line
          type="monotone"
          dataKey="frontline"
          name="Frontline (FTE)"
          stroke={colors.frontline}
          strokeWidth={2}
          dot={{ r: 2 }}
          animationDuration={400}
        />
      </LineChart>
    </figure>
  );
};
