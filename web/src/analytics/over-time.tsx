/**
 * The numbers over time (per day or ISO week): conversations and handoffs, the AI resolution rate,
 * and CSAT by handler as recharts bar charts, with every number in a table too. Clicking a bar or a
 * table cell opens the conversations behind it; the table downloads as CSV.
 */
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { MetricsSeriesResponse } from '../../../src/api/metrics-schemas.ts';
import { csvFileName, toCsv } from './analytics-csv.ts';
import type { DrillMetric, DrillRequest } from './drill-down.ts';
import { percent } from './metric-format.ts';

type Point = MetricsSeriesResponse['series'][number];
type RateKey = keyof Point['rates'];

interface Column {
  readonly label: string;
  readonly metric: DrillMetric;
  readonly part: 'of' | 'counts';
  /** A count of conversations, or a rate (shown as a percentage with its two counts). */
  readonly rate?: RateKey;
  readonly count?: (point: Point) => number;
  readonly colour: string;
}

const conversationColumns: readonly Column[] = [
  {
    label: 'Conversations',
    metric: 'conversations',
    part: 'counts',
    count: (p) => p.conversations,
    colour: '#1f4fd1',
  },
  {
    label: 'Handed to a person',
    metric: 'handoffRate',
    part: 'counts',
    count: (p) => p.rates.handoffRate.counts,
    colour: '#b54708',
  },
];
const aiColumns: readonly Column[] = [
  {
    label: 'AI resolution rate',
    metric: 'aiResolutionRate',
    part: 'counts',
    rate: 'aiResolutionRate',
    colour: '#027a48',
  },
];
const csatColumns: readonly Column[] = [
  { label: 'CSAT, AI only', metric: 'csatAiOnly', part: 'of', rate: 'csatAiOnly', colour: '#1f4fd1' },
  {
    label: 'CSAT, handed over',
    metric: 'csatHandedOver',
    part: 'of',
    rate: 'csatHandedOver',
    colour: '#b54708',
  },
  {
    label: 'CSAT, people only',
    metric: 'csatHumanOnly',
    part: 'of',
    rate: 'csatHumanOnly',
    colour: '#6941c6',
  },
];
const allColumns = [...conversationColumns, ...aiColumns, ...csatColumns];

const numberOf = (column: Column, point: Point): number | null => {
  if (column.count) return column.count(point);
  return column.rate ? point.rates[column.rate].rate : null;
};

const cellText = (column: Column, point: Point): string => {
  if (column.count) return String(column.count(point));
  if (!column.rate) return '—';
  const { of, counts, rate } = point.rates[column.rate];
  return of === 0 ? '—' : `${percent(rate)} (${counts} of ${of})`;
};

const axisTick = { fontSize: 12, fill: '#667085' } as const;

const drillOf = (column: Column, point: Point): DrillRequest => ({
  metric: column.metric,
  part: column.part,
  title: `${column.label}: ${column.part === 'of' ? 'rated conversations' : 'conversations'} from ${point.period}`,
  from: point.from,
  to: point.to,
});

const SeriesChart = ({
  caption,
  testId,
  columns,
  series,
  asRate,
  onDrill,
}: {
  caption: string;
  testId: string;
  columns: readonly Column[];
  series: readonly Point[];
  asRate: boolean;
  onDrill: (request: DrillRequest) => void;
}) => {
  const data = series.map((point) => ({
    period: point.period,
    ...Object.fromEntries(
      columns.map((column) => {
        const value = numberOf(column, point);
        return [column.label, asRate ? (value === null ? null : Math.round(value * 1000) / 10) : value];
      }),
    ),
  }));
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{caption}</figcaption>
      <BarChart
        responsive
        style={{ width: '100%', height: 220 }}
        data={data}
        margin={{ top: 4, right: 8, bottom: 4, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e4e7ec" />
        <XAxis dataKey="period" tick={axisTick} tickLine={false} minTickGap={16} />
        <YAxis
          tick={axisTick}
          tickLine={false}
          axisLine={false}
          width={36}
          domain={asRate ? [0, 100] : [0, 'auto']}
          allowDecimals={false}
        />
        <Tooltip
          cursor={{ fill: '#f2f4f7' }}
          itemStyle={{ color: '#1b1f24' }}
          formatter={(value) => (asRate ? `${String(value)}%` : String(value))}
        />
        {columns.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
        {columns.map((column) => (
          <Bar
            key={column.label}
            dataKey={column.label}
            fill={column.colour}
            isAnimationActive={false}
            cursor="pointer"
            onClick={(_, index) => {
              const point = series[index];
              if (point) onDrill(drillOf(column, point));
            }}
          />
        ))}
      </BarChart>
    </figure>
  );
};

const seriesCsv = (series: readonly Point[]): string =>
  toCsv(
    [
      'period',
      'from',
      'to',
      'conversations',
      'handed_over',
      'ai_involved',
      'ai_resolved',
      'ai_resolution_rate',
      'csat_ai_only_rated',
      'csat_ai_only',
      'csat_handed_over_rated',
      'csat_handed_over',
      'csat_human_only_rated',
      'csat_human_only',
    ],
    series.map((p) => [
      p.period,
      p.from,
      p.to,
      p.conversations,
      p.rates.handoffRate.counts,
      p.rates.aiResolutionRate.of,
      p.rates.aiResolutionRate.counts,
      p.rates.aiResolutionRate.rate,
      p.rates.csatAiOnly.of,
      p.rates.csatAiOnly.rate,
      p.rates.csatHandedOver.of,
      p.rates.csatHandedOver.rate,
      p.rates.csatHumanOnly.of,
      p.rates.csatHumanOnly.rate,
    ]),
  );

/** Saves text as a file through a temporary link (the browser's own download). */
export const downloadText = (name: string, text: string): void => {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Chromium reads the blob after click() returns; release it once the download has surely started.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
};

export const OverTime = ({
  response,
  through,
  onDrill,
}: {
  response: MetricsSeriesResponse;
  /** The last day of the window as the filters show it (the series' `to` is the midnight after). */
  through: string;
  onDrill: (request: DrillRequest) => void;
}) => {
  const { series, by } = response;
  const from = response.query.from.slice(0, 10);
  return (
    <section className="over-time" aria-labelledby="over-time-title">
      <div className="section-head">
        <h2 id="over-time-title">Over time, by {by}</h2>
        <button
          type="button"
          onClick={() => downloadText(csvFileName(`over-time-by-${by}`, from, through), seriesCsv(series))}
        >
          Download CSV
        </button>
      </div>
      <div className="charts">
        <SeriesChart
          caption={`Conversations and handoffs per ${by}`}
          testId="chart-volume"
          columns={conversationColumns}
          series={series}
          asRate={false}
          onDrill={onDrill}
        />
        <SeriesChart
          caption={`AI resolution rate per ${by} (%)`}
          testId="chart-ai-resolution"
          columns={aiColumns}
          series={series}
          asRate
          onDrill={onDrill}
        />
        <SeriesChart
          caption={`CSAT (share of 4–5 star ratings) per ${by} (%)`}
          testId="chart-csat"
          columns={csatColumns}
          series={series}
          asRate
          onDrill={onDrill}
        />
      </div>
      <div className="table-scroll">
        <table className="analytics-table" data-testid="series-table">
          <caption>The charts’ numbers; choose one to list its conversations</caption>
          <thead>
            <tr>
              <th scope="col">{by === 'day' ? 'Day' : 'Week of'}</th>
              {allColumns.map((column) => (
                <th scope="col" key={column.label}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {series.map((point) => (
              <tr key={point.period}>
                <th scope="row">{point.period}</th>
                {allColumns.map((column) => {
                  const text = cellText(column, point);
                  return (
                    <td key={column.label}>
                      {text === '—' || text === '0' ? (
                        text
                      ) : (
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => onDrill(drillOf(column, point))}
                        >
                          {text}
                        </button>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
};
