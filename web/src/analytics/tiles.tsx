/** The report's numbers as tiles; a tile whose number counts conversations opens them when chosen. */
import type { MetricsResponse } from '../../../src/api/metrics-schemas.ts';
import type { DrillMetric, DrillRequest } from './drill-down.ts';
import { duration, money, percent } from './metric-format.ts';

interface TileSpec {
  readonly label: string;
  readonly value: string;
  readonly detail?: string;
  readonly drill?: { metric: DrillMetric; part: 'of' | 'counts'; what: string };
}

const Tile = ({
  label,
  value,
  detail,
  drill,
  onDrill,
}: TileSpec & { onDrill: (request: DrillRequest) => void }) => (
  <div className="tile" data-testid="metric-tile">
    <dt>{label}</dt>
    <dd>
      {drill && value !== '—' ? (
        <button
          type="button"
          className="tile-value link-button"
          aria-label={`${label}: ${value}. List the ${drill.what}`}
          onClick={() =>
            onDrill({ metric: drill.metric, part: drill.part, title: `${label}: the ${drill.what}` })
          }
        >
          {value}
        </button>
      ) : (
        <span className="tile-value">{value}</span>
      )}
      {detail && <span className="tile-detail">{detail}</span>}
    </dd>
  </div>
);

/** A rate whose numerator is a set of conversations: choosing it lists them. */
const rate = (label: string, value: number | null, metric: DrillMetric, what: string): TileSpec => ({
  label,
  value: percent(value),
  drill: { metric, part: 'counts', what },
});

/** A number computed over a set of conversations (not a rate of them): choosing it lists the set. */
const over = (metric: DrillMetric, what: string): TileSpec['drill'] => ({ metric, part: 'of', what });

const timing = (
  label: string,
  spread: { p50: number | null; p90: number | null },
  drill: TileSpec['drill'],
): TileSpec => ({
  label,
  value: duration(spread.p50),
  detail: `median · 90% within ${duration(spread.p90)}`,
  drill,
});

/** Every tile in reading order; each lists the conversations behind it. */
const tilesOf = (report: MetricsResponse): TileSpec[] => [
  {
    label: 'Conversations',
    value: String(report.conversations),
    drill: { metric: 'conversations', part: 'counts', what: 'conversations' },
  },
  rate('AI involvement', report.involvementRate, 'involvementRate', 'conversations the AI answered'),
  rate('AI resolution rate', report.aiResolutionRate, 'aiResolutionRate', 'conversations the AI resolved'),
  rate('Automation rate', report.automationRate, 'automationRate', 'conversations the AI resolved'),
  rate('Handed to a person', report.handoffRate, 'handoffRate', 'conversations handed to a person'),
  rate(
    'Durable AI resolutions',
    report.durableAiResolutionRate,
    'durableAiResolutionRate',
    'durable AI resolutions',
  ),
  rate(
    'Recontacts after AI',
    report.recontactRateAfterAi,
    'recontactRateAfterAi',
    'AI resolutions the customer came back after',
  ),
  {
    label: 'Escalation precision',
    value: percent(report.escalationPrecision),
    drill: over('escalationPrecision', 'conversations with a judged handoff'),
  },
  rate(
    'Missed escalations',
    report.missedEscalations,
    'missedEscalations',
    'AI resolutions that should have gone to a person',
  ),
  {
    label: 'Knowledge coverage',
    value: percent(report.knowledgeCoverage),
    drill: over('knowledgeCoverage', 'conversations the AI was asked questions in'),
  },
  rate(
    'Resolved within 24 h',
    report.combined24hResolutionRate,
    'combined24hResolutionRate',
    'conversations resolved within 24 hours',
  ),
  rate(
    'First-contact resolution',
    report.firstContactResolution,
    'firstContactResolution',
    'resolutions without a recontact',
  ),
  {
    label: 'CSAT (4–5 stars)',
    value: percent(report.csat.aiOnly),
    detail: `AI only · handed over ${percent(report.csat.handedOver)} · people only ${percent(report.csat.humanOnly)}`,
    drill: { metric: 'csatAiOnly', part: 'of', what: 'rated conversations the AI handled alone' },
  },
  timing(
    'First response',
    report.timeToFirstResponse,
    over('timeToFirstResponse', 'conversations with a first response'),
  ),
  timing(
    'Time to resolution',
    report.timeToResolution,
    over('timeToResolution', 'resolved conversations timed'),
  ),
  timing('Handle time', report.handleTime, over('handleTime', 'conversations with handling time')),
  {
    label: 'Cost per resolved',
    value: money(report.costPerResolved),
    drill: over('costPerResolved', 'resolved conversations'),
  },
];

export const Tiles = ({
  report,
  onDrill,
}: {
  report: MetricsResponse;
  onDrill: (request: DrillRequest) => void;
}) => (
  <dl className="tiles">
    {tilesOf(report).map((tile) => (
      <Tile key={tile.label} {...tile} onDrill={onDrill} />
    ))}
  </dl>
);
