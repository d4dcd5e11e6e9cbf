/**
 * The analytics page (SPEC §9) for ops, admins and QA: the hybrid team's numbers over a chosen
 * window, filtered by category, team and channel — from GET /api/metrics, charted with recharts.
 */
import { useEffect, useState } from 'react';
import type { MetricsResponse, MetricsSeriesResponse } from '../../../src/api/metrics-schemas.ts';
import { SignIn } from '../agent/sign-in.tsx';
import { ApiError, apiCall } from '../shared/api.ts';
import { useSignedInAgent } from '../shared/use-signed-in-agent.ts';
import { csvFileName, toCsv } from './analytics-csv.ts';
import { CategoryChart } from './category-chart.tsx';
import type { DrillRequest } from './drill-down.ts';
import { DrillDownPanel } from './drill-down-panel.tsx';
import { dayOf } from './metric-format.ts';
import { downloadText, OverTime } from './over-time.tsx';
import { Tiles } from './tiles.tsx';
import './analytics.css';

const DAY_MS = 86_400_000;

interface Filters {
  readonly from: string;
  readonly through: string;
  readonly category: string;
  readonly team: string;
  readonly channel: string;
  readonly by: 'day' | 'week';
}

const initialFilters = (): Filters => ({
  from: dayOf(new Date(Date.now() - 29 * DAY_MS)),
  through: dayOf(new Date()),
  category: '',
  team: '',
  channel: '',
  by: 'day',
});

/** The query for the window: the last day is included, so `to` is the midnight after it. */
const queryOf = (filters: Filters): string => {
  const params = new URLSearchParams();
  params.set('from', filters.from);
  params.set('to', dayOf(new Date(Date.parse(filters.through) + DAY_MS)));
  if (filters.category) params.set('category', filters.category);
  if (filters.team) params.set('team', filters.team);
  if (filters.channel) params.set('channel', filters.channel);
  return params.toString();
};

const FilterBar = ({ filters, onChange }: { filters: Filters; onChange: (next: Filters) => void }) => {
  const field = (key: keyof Filters) => ({
    value: filters[key],
    onChange: (e: { target: { value: string } }) => onChange({ ...filters, [key]: e.target.value }),
  });
  return (
    <form className="analytics-filters" onSubmit={(e) => e.preventDefault()} aria-label="Filters">
      <label>
        From
        <input type="date" required {...field('from')} />
      </label>
      <label>
        Through
        <input type="date" required {...field('through')} />
      </label>
      <label>
        Category
        <input type="text" placeholder="any" {...field('category')} />
      </label>
      <label>
        Team
        <input type="text" placeholder="any" {...field('team')} />
      </label>
      <label>
        Channel
        <select {...field('channel')}>
          <option value="">any</option>
          <option value="widget">widget</option>
          <option value="email">email</option>
        </select>
      </label>
      <label>
        Over time by
        <select {...field('by')}>
          <option value="day">day</option>
          <option value="week">week</option>
        </select>
      </label>
    </form>
  );
};

export const AnalyticsPage = () => {
  const [agent, setAgent] = useSignedInAgent();
  const [filters, setFilters] = useState<Filters>(initialFilters);
  const [report, setReport] = useState<MetricsResponse | null>(null);
  const [series, setSeries] = useState<MetricsSeriesResponse | null>(null);
  const [drill, setDrill] = useState<DrillRequest | null>(null);
  const [error, setError] = useState<string | null>(null);
  const query = queryOf(filters);

  useEffect(() => {
    if (!agent) return;
    let current = true;
    Promise.all([
      apiCall<MetricsResponse>('GET', `/api/metrics?${query}`),
      apiCall<MetricsSeriesResponse>('GET', `/api/metrics/series?${query}&by=${filters.by}`),
    ])
      .then(([nextReport, nextSeries]) => {
        if (!current) return;
        setReport(nextReport);
        setSeries(nextSeries);
        setError(null);
      })
      .catch(
        (e: unknown) =>
          current && setError(e instanceof ApiError ? e.message : 'Could not load the metrics.'),
      );
    return () => {
      current = false;
    };
  }, [agent, query, filters.by]);

  if (agent === undefined) return <p className="loading">Loading…</p>;
  if (!agent) return <SignIn onSignedIn={setAgent} />;
  return (
    <div className="analytics">
      <header className="analytics-bar">
        <a className="brand" href="/">
          Baton
        </a>
        <span className="analytics-title">Analytics</span>
        <span className="spacer" />
        <a href="/agent">Inbox</a>
        <a href="/ops">Ops</a>
        <span className="who">
          {agent.name} ({agent.role})
        </span>
      </header>
      <main className="analytics-main">
        <h1>How the team and the AI are doing</h1>
        <FilterBar filters={filters} onChange={setFilters} />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {report && (
          <>
            <p className="analytics-window" data-testid="analytics-window">
              {report.conversations} conversations whose first message came from {filters.from} through{' '}
              {filters.through}
              {filters.category && `, category ${filters.category}`}
              {filters.team && `, team ${filters.team}`}
              {filters.channel && `, channel ${filters.channel}`}.
            </p>
            {report.recounting > 0 && (
              <p className="analytics-recounting" role="status" data-testid="analytics-recounting">
                Still counting {report.recounting.toLocaleString('en')}{' '}
                {report.recounting === 1 ? 'conversation' : 'conversations'} again (the counting settings
                changed, or they were written moments ago): until then they count as before. Reload in a
                minute for the settled figures.
              </p>
            )}
            <Tiles report={report} onDrill={setDrill} />
            {drill && (
              <DrillDownPanel
                key={`${query} ${JSON.stringify(drill)}`}
                filtersQuery={query}
                request={drill}
                onClose={() => setDrill(null)}
              />
            )}
            {series && <OverTime response={series} through={filters.through} onDrill={setDrill} />}
            <div className="section-head">
              <h2>AI resolution by category</h2>
              <button
                type="button"
                onClick={() =>
                  downloadText(
                    csvFileName('ai-resolution-by-category', filters.from, filters.through),
                    toCsv(
                      ['category', 'ai_resolution_rate'],
                      Object.entries(report.aiResolutionRateByCategory),
                    ),
                  )
                }
              >
                Download CSV
              </button>
            </div>
            <CategoryChart byCategory={report.aiResolutionRateByCategory} onDrill={setDrill} />
          </>
        )}
      </main>
    </div>
  );
};
