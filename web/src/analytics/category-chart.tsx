/** AI resolution rate per category as a bar chart (recharts), with the same numbers as a table. */
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { DrillRequest } from './drill-down.ts';
import { percent } from './metric-format.ts';

const drillOf = (category: string): DrillRequest => ({
  metric: 'aiResolutionRate',
  part: 'counts',
  category,
  title: `AI resolution rate: conversations the AI resolved in ${category}`,
});

const axisTick = { fontSize: 12, fill: '#667085' } as const;

export const CategoryChart = ({
  byCategory,
  onDrill,
}: {
  byCategory: Readonly<Record<string, number | null>>;
  onDrill: (request: DrillRequest) => void;
}) => {
  const data = Object.entries(byCategory)
    .map(([category, rate]) => ({ category, rate: rate === null ? 0 : Math.round(rate * 1000) / 10 }))
    .sort((a, b) => b.rate - a.rate);
  if (data.length === 0)
    return <p className="analytics-empty">No AI-answered conversations in this window.</p>;
  return (
    <figure className="chart" data-testid="chart-categories">
      <figcaption>AI resolution rate by category (%)</figcaption>
      <BarChart
        responsive
        style={{ width: '100%', height: Math.max(160, data.length * 36 + 40) }}
        layout="vertical"
        data={data}
        margin={{ top: 4, right: 24, bottom: 4, left: 8 }}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e4e7ec" />
        <XAxis type="number" domain={[0, 100]} tick={axisTick} tickLine={false} />
        <YAxis
          type="category"
          dataKey="category"
          tick={axisTick}
          width={120}
          tickLine={false}
          axisLine={false}
        />
        <Tooltip
          formatter={(value) => `${String(value)}%`}
          cursor={{ fill: '#f2f4f7' }}
          // In the text colour: recharts paints tooltip lines in the series' colour.
          itemStyle={{ color: '#1b1f24' }}
        />
        <Bar
          dataKey="rate"
          name="AI resolution rate"
          fill="#1f4fd1"
          isAnimationActive={false}
          cursor="pointer"
          onClick={(_, index) => {
            const row = data[index];
            if (row) onDrill(drillOf(row.category));
          }}
        />
      </BarChart>
      <table className="analytics-table" data-testid="category-table">
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">AI resolution rate</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(byCategory).map(([category, rate]) => (
            <tr key={category}>
              <th scope="row">{category}</th>
              <td>
                {rate === null ? (
                  percent(rate)
                ) : (
                  <button type="button" className="link-button" onClick={() => onDrill(drillOf(category))}>
                    {percent(rate)}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
};
