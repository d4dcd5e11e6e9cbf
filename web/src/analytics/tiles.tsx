/** The report's numbers as tiles; a tile whose number counts conversations opens them when chosen. */
import type { MetricsResponse } from '../../../src/api/metrics-schemas.ts';
import type { DrillMetric, DrillRequest } from './drill-down.ts';
import { duration, money, percent } from './metric-format.ts';

const Tile = ({
  label,
  value,
  detail,
  drill,
  onDrill,
}: {
  label: string;
  value: string;
  detail?: string;
  drill?: { metric: DrillMetric; part: 'of' | 'counts'; what: string };
  onDrill: (request: DrillRequest) => void;
}) => (
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

const counted = (metric: DrillMetric, what: string) => ({ metric, part: 'counts' as const, what });

export const Tiles = ({
  report,
  onDrill,
}: {
  report: MetricsResponse;
  onDrill: (request: DrillRequest) => void;
}) => (
  <dl className="tiles">
    <Tile
      label="Conversations"
      value={String(report.conversations)}
      drill={counted('conversations', 'conversations')}
      onDrill={onDrill}
    />
    <Tile
      label="AI involvement"
      value={percent(report.involvementRate)}
      drill={counted('involvementRate', 'conversations the AI answered')}
      onDrill={onDrill}
    />
    <Tile
      label="AI resolution rate"
      value={percent(report.aiResolutionRate)}
      drill={counted('aiResolutionRate', 'conversations the AI resolved')}
      onDrill={onDrill}
    />
    <Tile
      label="Automation rate"
      value={percent(report.automationRate)}
      drill={counted('automationRate', 'conversations the AI resolved')}
      onDrill={onDrill}
    />
    <Tile
      label="Handed to a person"
      value={percent(report.handoffRate)}
      drill={counted('handoffRate', 'conversations handed to a person')}
      onDrill={onDrill}
    />
    <Tile
      label="Durable AI resolutions"
      value={percent(report.durableAiResolutionRate)}
      drill={counted('durableAiResolutionRate', 'durable AI resolutions')}
      onDrill={onDrill}
    />
    <Tile
      label="Recontacts after AI"
      value={percent(report.recontactRateAfterAi)}
      drill={counted('recontactRateAfterAi', 'AI resolutions the customer came back after')}
      onDrill={onDrill}
    />
    <Tile label="Escalation precision" value={percent(report.escalationPrecision)} onDrill={onDrill} />
    <Tile
      label="Missed escalations"
      value={percent(report.missedEscalations)}
      drill={counted('missedEscalations', 'AI resolutions that should have gone to a person')}
      onDrill={onDrill}
    />
    <Tile label="Knowledge coverage" value={percent(report.knowledgeCoverage)} onDrill={onDrill} />
    <Tile
      label="Resolved within 24 h"
      value={percent(report.combined24hResolutionRate)}
      drill={counted('combined24hResolutionRate', 'conversations resolved within 24 hours')}
      onDrill={onDrill}
    />
    <Tile
      label="First-contact resolution"
      value={percent(report.firstContactResolution)}
      drill={counted('firstContactResolution', 'resolutions without a recontact')}
      onDrill={onDrill}
    />
    <Tile
      label="CSAT (4–5 stars)"
      value={percent(report.csat.aiOnly)}
      detail={`AI only · handed over ${percent(report.csat.handedOver)} · people only ${percent(report.csat.humanOnly)}`}
      drill={{ metric: 'csatAiOnly', part: 'of', what: 'rated conversations the AI handled alone' }}
      onDrill={onDrill}
    />
    <Tile
      label="First response"
      value={duration(report.timeToFirstResponse.p50)}
      detail={`median · 90% within ${duration(report.timeToFirstResponse.p90)}`}
      onDrill={onDrill}
    />
    <Tile
      label="Time to resolution"
      value={duration(report.timeToResolution.p50)}
      detail={`median · 90% within ${duration(report.timeToResolution.p90)}`}
      onDrill={onDrill}
    />
    <Tile
      label="Handle time"
      value={duration(report.handleTime.p50)}
      detail={`median · 90% within ${duration(report.handleTime.p90)}`}
      onDrill={onDrill}
    />
    <Tile label="Cost per resolved" value={money(report.costPerResolved)} onDrill={onDrill} />
  </dl>
);
