/**
 * The analytics page (SPEC §9) for ops, admins and QA: the hybrid team's numbers over a chosen
 * window, filtered by category, team and channel — from GET /api/metrics, charted with recharts.
 */
import { useEffect, useState } from 'react';
import type { MetricsResponse } from '../../../src/api/metrics-schemas.ts';
import { SignIn } from '../agent/sign-in.tsx';
import { ApiError, apiCall } from '../shared/api.ts';
import { useSignedInAgent } from '../shared/use-signed-in-agent.ts';
import { CategoryChart } from './category-chart.tsx';
import { dayOf, duration, money, percent } from './metric-format.ts';
import './analytics.css';

const DAY_MS = 86_400_000;

interface Filters {
  readonly from: string;
  readonly through: string;
  readonly category: string;
  readonly team: string;
  readonly channel: string;
}

const initialFilters = (): Filters => ({
  from: dayOf(new Date(Date.now() - 29 * DAY_MS)),
  through: dayOf(new Date()),
  category: '',
  team: '',
  channel: '',
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

const Tile = ({ label, value, detail }: { label: string; value: string; detail?: string }) => (
  <div className="tile" data-testid="metric-tile">
    <dt>{label}</dt>
    <dd>
      <span className="tile-value">{value}</span>
      {detail && <span className="tile-detail">{detail}</span>}
    </dd>
  </div>
);

const Tiles = ({ report }: { report: MetricsResponse }) => (
  <dl className="tiles">
    <Tile label="Conversations" value={String(report.conversations)} />
    <Tile label="AI involvement" value={percent(report.involvementRate)} />
    <Tile label="AI resolution rate" value={percent(report.aiResolutionRate)} />
    <Tile label="Automation rate" value={percent(report.automationRate)} />
    <Tile label="Handed to a person" value={percent(report.handoffRate)} />
    <Tile label="Durable AI resolutions" value={percent(report.durableAiResolutionRate)} />
    <Tile label="Recontacts after AI" value={percent(report.recontactRateAfterAi)} />
    <Tile label="Escalation precision" value={percent(report.escalationPrecision)} />
    <Tile label="Missed escalations" value={percent(report.missedEscalations)} />
    <Tile label="Knowledge coverage" value={percent(report.knowledgeCoverage)} />
    <Tile label="Resolved within 24 h" value={percent(report.combined24hResolutionRate)} />
    <Tile label="First-contact resolution" value={percent(report.firstContactResolution)} />
    <Tile
      label="CSAT (4–5 stars)"
      value={percent(report.csat.aiOnly)}
      detail={`AI only · handed over ${percent(report.csat.handedOver)} · people only ${percent(report.csat.humanOnly)}`}
    />
    <Tile
      label="First response"
      value={duration(report.timeToFirstResponse.p50)}
      detail={`median · 90% within ${duration(report.timeToFirstResponse.p90)}`}
    />
    <Tile
      label="Time to resolution"
      value={duration(report.timeToResolution.p50)}
      detail={`median · 90% within ${duration(report.timeToResolution.p90)}`}
    />
    <Tile
      label="Handle time"
      value={duration(report.handleTime.p50)}
      detail={`median · 90% within ${duration(report.handleTime.p90)}`}
    />
    <Tile label="Cost per resolved" value={money(report.costPerResolved)} />
  </dl>
);

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
    </form>
  );
};

export const AnalyticsPage = () => {
  const [agent, setAgent] = useSignedInAgent();
  const [filters, setFilters] = useState<Filters>(initialFilters);
  const [report, setReport] = useState<MetricsResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const query = queryOf(filters);

  useEffect(() => {
    if (!agent) return;
    let current = true;
    apiCall<MetricsResponse>('GET', `/api/metrics?${query}`)
      .then((next) => {
        if (!current) return;
        setReport(next);
        setError(null);
      })
      .catch(
        (e: unknown) =>
          current && setError(e instanceof ApiError ? e.message : 'Could not load the metrics.'),
      );
    return () => {
      current = false;
    };
  }, [agent, query]);

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
            <Tiles report={report} />
            <h2>AI resolution by category</h2>
            <CategoryChart byCategory={report.aiResolutionRateByCategory} />
          </>
        )}
      </main>
    </div>
  );
};
