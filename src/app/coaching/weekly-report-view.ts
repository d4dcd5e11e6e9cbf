/**
 * The weekly review report (SPEC §8) from what the store keeps: the week's review queue (flags and
 * sample with their weights), the labels given that week, the articles and policy versions of the
 * week, and the §9 numbers of the week against the week before (the same SQL report as GET /api/metrics).
 */
import { weeklyReportResponseSchema } from '../../api/weekly-report-schemas.ts';
import { canReview } from '../../core/auth/permissions.ts';
import { isoWeekOf, previousIsoWeek } from '../../core/coaching/iso-week.ts';
import {
  buildWeeklyReport,
  gapOutcomes,
  type ReportCadence,
  type ReportNumber,
  renderReportJson,
  renderReportMarkdown,
  reportWeeks,
  verdictPerConversation,
  type WeeklyReport,
} from '../../core/coaching/weekly-report/index.ts';
import { DomainError } from '../../core/errors.ts';
import type { MetricsReport } from '../../core/metrics/index.ts';
import type { Agent } from '../../core/model.ts';
import type { Store } from '../../core/ports/store.ts';
import type { AppContext } from '../context.ts';
import { workspaceMetrics } from '../metrics-report.ts';
import { reportCadenceOf } from './coaching-settings.ts';
import { gapsAsOfWeek } from './knowledge-gaps-view.ts';
import { weekRangeOrThrow, weekSample } from './week-sample.ts';

const WEEK_MS = 7 * 86_400_000;

const within = (at: Date, start: Date, end: Date) => at >= start && at < end;

type NumberKey =
  | 'aiResolutionRate'
  | 'handoffRate'
  | 'recontactRateAfterAi'
  | 'escalationPrecision'
  | 'knowledgeCoverage';

const tracked: readonly (readonly [NumberKey, string, ReportNumber['better']])[] = [
  ['aiResolutionRate', 'AI resolution', 'up'],
  ['handoffRate', 'Handed to a person', 'down'],
  ['recontactRateAfterAi', 'Recontacts after an AI answer', 'down'],
  ['escalationPrecision', 'Escalations that were needed', 'up'],
  ['knowledgeCoverage', 'Knowledge coverage', 'up'],
];

const numbersOf = (thisWeek: MetricsReport, lastWeek: MetricsReport): ReportNumber[] => [
  ...tracked.map(([key, label, better]) => ({
    key,
    label,
    thisWeek: thisWeek[key],
    lastWeek: lastWeek[key],
    unit: 'rate' as const,
    better,
  })),
  {
    key: 'csatAiOnly',
    label: 'CSAT of AI-only conversations',
    thisWeek: thisWeek.csat.aiOnly,
    lastWeek: lastWeek.csat.aiOnly,
    // The share of ratings that were 4 or 5: a rate, shown as a percentage and moved in points.
    unit: 'rate',
    better: 'up',
  },
];

/** The review queues of the weeks, summed: what the report says was sampled, and each item's weight. */
const periodSamples = async (store: Store, workspaceId: string, weeks: readonly string[], now: Date) => {
  const samples = await Promise.all(weeks.map((week) => weekSample(store, workspaceId, week, now)));
  const items = samples.flatMap((sample) => sample.items);
  return {
    items,
    queue: {
      flagged: items.filter((item) => item.source === 'flag').length,
      sampled: items.filter((item) => item.source === 'sample').length,
      population: samples.reduce((total, sample) => total + sample.population, 0),
    },
  };
};

/**
 * The report of one ISO week (`2026-W49`) of a workspace as of `now`; fortnightly, of the two
 * weeks ending with it, counted over both and compared with the two weeks before.
 */
export const weeklyReportOf = async (
  store: Store,
  workspace: { readonly id: string; readonly name: string },
  week: string,
  now: Date,
  cadence: ReportCadence = 'weekly',
): Promise<WeeklyReport> => {
  const weeks = reportWeeks(week, cadence);
  const start = weekRangeOrThrow(weeks[0] ?? week).start;
  const { end } = weekRangeOrThrow(week);
  const lastStart = new Date(start.getTime() - weeks.length * WEEK_MS);
  const [sample, labels, versions, articles, thisWeek, lastWeek, gaps] = await Promise.all([
    periodSamples(store, workspace.id, weeks, now),
    store.reviews.listLabels(workspace.id),
    store.policies.list(workspace.id),
    store.articles.list(workspace.id),
    workspaceMetrics(store, workspace.id, { from: start, to: end }, now),
    workspaceMetrics(store, workspace.id, { from: lastStart, to: start }, now),
    gapsAsOfWeek(store, workspace.id, week),
  ]);
  const published = articles.filter((article) => within(article.updatedAt, start, end));
  const outcomes = gapOutcomes(gaps, published);
  const queued = new Map(sample.items.map((item) => [item.conversationId, item]));
  const reviewed = verdictPerConversation(labels.filter((label) => within(label.updatedAt, start, end))).map(
    (label) => {
      const item = queued.get(label.conversationId);
      return {
        conversationId: label.conversationId,
        category: item?.category ?? 'uncategorised',
        // A label on a conversation outside the sample counts as a flag: weight 1, not re-weighted.
        source: item?.source ?? ('flag' as const),
        weight: item?.weight ?? 1,
        label: label.label,
        rootCause: label.rootCause,
      };
    },
  );
  return buildWeeklyReport({
    week,
    weeks,
    workspaceName: workspace.name,
    queue: sample.queue,
    reviewed,
    fixes: {
      articlesPublished: published.map((article) => ({ slug: article.slug, title: article.title })),
      policyVersions: versions
        .filter((version) => within(version.createdAt, start, end))
        .map((version) => ({ version: `v${version.version}`, note: version.note ?? '' })),
      gapsClosed: outcomes.closed,
    },
    openGaps: outcomes.open,
    numbers: numbersOf(thisWeek, lastWeek),
  });
};

/**
 * The report for the report page (qa, ops, admin): the week just finished unless one is named;
 * with the fortnightly cadence set, the two weeks ending with it.
 */
export const weeklyReportView = async (ctx: AppContext, agent: Agent, week: string | undefined) => {
  if (!canReview(agent))
    throw new DomainError('forbidden', 'The weekly report is for the qa, ops and admin roles.');
  const workspace = (await ctx.store.workspaces.list()).find((w) => w.id === agent.workspaceId);
  const now = ctx.now();
  const chosen = week ?? previousIsoWeek(isoWeekOf(now)) ?? isoWeekOf(now);
  const cadence = await reportCadenceOf(ctx.store, agent.workspaceId);
  const report = await weeklyReportOf(
    ctx.store,
    { id: agent.workspaceId, name: workspace?.name ?? '' },
    chosen,
    now,
    cadence,
  );
  // The JSON rendering, read back as plain JSON values: what `baton report --format json` prints.
  const json: unknown = JSON.parse(renderReportJson(report));
  return {
    week: chosen,
    weeks: [...report.weeks],
    cadence,
    markdown: renderReportMarkdown(report),
    report: weeklyReportResponseSchema.shape.report.parse(json),
  };
};
