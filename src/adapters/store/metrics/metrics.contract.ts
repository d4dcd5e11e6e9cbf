/**
 * The metrics contract, run on every database Baton supports: the SQL report over stored facts
 * rows equals the pure core's computeMetrics on the same rows — for the hand-worked history, for a
 * few hundred varied rows under every filter, and for nothing at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConversationFacts,
  computeMetrics,
  type DrillMetric,
  type DrillPart,
  deriveConversationFacts,
  drillFacts,
  isSetMetric,
  type MetricsFilter,
  type MetricsReport,
  metricsSeries,
} from '../../../core/metrics/index.ts';
import { knownEvents, knownReport, knownSettings } from '../../../core/metrics/known-history.fixture.ts';
import { expectSameReport } from '../../../core/metrics/report-matcher.fixture.ts';
import type { MetricsRepository } from '../../../core/ports/metrics.ts';
import { metricsRepository } from './metrics.repository.ts';
import { type MetricsTestDatabase, seedWorkspace } from './metrics-testing.ts';
import { randomFacts } from './random-facts.fixture.ts';
import { expectReportWithinTimeBound } from './report-bound.fixture.ts';

const randomSettings = { ...knownSettings, asOf: new Date(Date.UTC(2025, 2, 9)) };

const filters: Record<string, MetricsFilter> = {
  everything: {},
  'one category': { category: 'refund' },
  'one team': { teamKey: 'billing' },
  'one channel': { channel: 'email' },
  'a date range': { from: new Date(Date.UTC(2025, 2, 3)), to: new Date(Date.UTC(2025, 2, 6, 12)) },
  'whole days and a partial one': {
    from: new Date(Date.UTC(2025, 2, 2)),
    to: new Date(Date.UTC(2025, 2, 8, 6)),
  },
  'all four at once': {
    from: new Date(Date.UTC(2025, 2, 2)),
    to: new Date(Date.UTC(2025, 2, 9)),
    category: 'billing',
    teamKey: 'billing',
    channel: 'widget',
  },
};

/**
 * The percentiles are exact for windows up to a size and read from day histograms above it; the
 * contract runs both ways: with exact ones (compared to the digit) and with histograms only
 * (compared within docs/metrics.md's bound; every count still to the digit).
 */
const percentileModes = [
  { mode: 'exact percentiles', exactPercentilesUpTo: undefined },
  { mode: 'histogram percentiles', exactPercentilesUpTo: 0 },
] as const;

export const runMetricsContract = (name: string, open: () => Promise<MetricsTestDatabase>): void => {
  describe.each(percentileModes)(`metrics in SQL (${name}, $mode)`, ({ exactPercentilesUpTo }) => {
    let database: MetricsTestDatabase;
    let metrics: MetricsRepository;
    beforeAll(async () => {
      database = await open();
      metrics = metricsRepository(database.db, undefined, { exactPercentilesUpTo });
    });
    afterAll(async () => database?.close());

    const expectReport = (actual: unknown, expected: MetricsReport, digits = 6) =>
      exactPercentilesUpTo === 0
        ? expectReportWithinTimeBound(actual, expected, digits)
        : expectSameReport(actual, expected, digits);

    /** Rows saved and their days rolled up, as the refresher leaves them. */
    const stored = async (rows: readonly ConversationFacts[]) => {
      const seeded = await seedWorkspace(database.db, rows);
      await metrics.saveFacts(seeded.workspaceId, seeded.facts);
      await metrics.refreshDays(seeded.workspaceId);
      return seeded;
    };

    it('reports the hand-worked history exactly as worked out by hand', async () => {
      const { workspaceId } = await stored(deriveConversationFacts(knownEvents()));
      expectReport(await metrics.report(workspaceId, knownSettings), knownReport, 9);
    });

    it.each(Object.entries(filters))('equals the pure metrics on varied rows: %s', async (_, filter) => {
      const { workspaceId, facts } = await stored(randomFacts(300));
      const expected = computeMetrics(facts, randomSettings, filter);
      expect(expected.conversations).toBeGreaterThan(0);
      expectReport(await metrics.report(workspaceId, randomSettings, filter), expected);
    });

    it('counts a late change at once, before and after its day is rolled up again', async () => {
      const { workspaceId, facts } = await stored(randomFacts(300));
      // A late event: an old conversation is now rated, recontacted and took longer to resolve.
      const old = facts.find(
        (row) => row.firstCustomerMessageAt !== null && row.firstCustomerMessageAt.getUTCDate() === 3,
      );
      if (old === undefined || old.firstCustomerMessageAt === null)
        throw new Error('no conversation on the 3rd');
      const late = {
        ...old,
        csat: 5,
        recontacted: true,
        resolution: 'human' as const,
        resolvedBy: 'agent' as const,
        resolvedAt: new Date(old.firstCustomerMessageAt.getTime() + 30 * 3_600_000),
      };
      const changed = facts.map((row) => (row.conversationId === old.conversationId ? late : row));
      await metrics.saveFacts(workspaceId, [late]);
      for (const filter of [{}, filters['a date range'] ?? {}]) {
        const expected = computeMetrics(changed, randomSettings, filter);
        expectReport(await metrics.report(workspaceId, randomSettings, filter), expected);
        await expect(metrics.series(workspaceId, randomSettings, filter, 'day')).resolves.toEqual(
          metricsSeries(changed, randomSettings, filter, 'day'),
        );
      }
      await expect(metrics.refreshDays(workspaceId)).resolves.toBe(1);
      expectReport(
        await metrics.report(workspaceId, randomSettings),
        computeMetrics(changed, randomSettings),
      );
      await expect(metrics.refreshDays(workspaceId)).resolves.toBe(0);
    });

    it('rebuilds only the days reports read from the rollup; recent ones wait, counted from the facts', async () => {
      const day = 86_400_000;
      const now = Date.now();
      // Conversations over the last six days (some resolved "later", after now: it does not matter here).
      const seeded = await seedWorkspace(database.db, randomFacts(120, 7, { from: now - 6 * day, days: 6 }));
      await metrics.saveFacts(seeded.workspaceId, seeded.facts);
      const days = new Set(
        seeded.facts.flatMap((row) => row.firstCustomerMessageAt?.toISOString().slice(0, 10) ?? []),
      );
      const cutoff = new Date(now - day).toISOString().slice(0, 10);
      const old = [...days].filter((text) => text < cutoff).length;
      expect(old).toBeLessThan(days.size);
      await expect(metrics.refreshDays(seeded.workspaceId)).resolves.toBe(old);
      await expect(metrics.refreshDays(seeded.workspaceId)).resolves.toBe(0);
      const asOfNow = { ...randomSettings, asOf: new Date(now) };
      expectReport(await metrics.report(seeded.workspaceId, asOfNow), computeMetrics(seeded.facts, asOfNow));
    });

    it('reports the same from facts alone as from the rollup (no day rolled up yet)', async () => {
      const seeded = await seedWorkspace(database.db, randomFacts(300, 5));
      await metrics.saveFacts(seeded.workspaceId, seeded.facts);
      const before = await metrics.report(seeded.workspaceId, randomSettings);
      expectReport(before, computeMetrics(seeded.facts, randomSettings));
      await expect(metrics.refreshDays(seeded.workspaceId)).resolves.toBeGreaterThan(5);
      expectSameReport(await metrics.report(seeded.workspaceId, randomSettings), before, 6);
    });

    it.each(Object.entries(filters))(
      'counts per day and per week as the pure series does: %s',
      async (_, filter) => {
        const { workspaceId, facts } = await stored(randomFacts(300));
        for (const by of ['day', 'week'] as const) {
          const expected = metricsSeries(facts, randomSettings, filter, by);
          expect(expected.length).toBeGreaterThan(0);
          await expect(metrics.series(workspaceId, randomSettings, filter, by)).resolves.toEqual(expected);
        }
      },
    );

    const numbers: [DrillMetric, DrillPart][] = [
      ['conversations', 'counts'],
      ['handoffRate', 'counts'],
      ['aiResolutionRate', 'of'],
      ['aiResolutionRate', 'counts'],
      ['combined24hResolutionRate', 'counts'],
      ['csatHandedOver', 'of'],
      ['missedEscalations', 'counts'],
      ['escalationPrecision', 'of'],
      ['escalationPrecision', 'counts'],
      ['knowledgeCoverage', 'of'],
      ['timeToFirstResponse', 'of'],
      ['timeToResolution', 'of'],
      ['handleTime', 'of'],
      ['costPerResolved', 'of'],
    ];

    it.each(numbers)(
      'opens exactly the conversations behind %s (%s), a page at a time',
      async (metric, part) => {
        const { workspaceId, facts } = await stored(randomFacts(300));
        const filter = filters['a date range'] ?? {};
        const expected = drillFacts(facts, randomSettings, filter, metric, part).map(
          (row) => row.conversationId,
        );
        const everything = await metrics.conversationsBehind(
          workspaceId,
          randomSettings,
          filter,
          { metric, part },
          {
            limit: 1000,
            offset: 0,
          },
        );
        expect(everything.total).toBe(expected.length);
        expect(everything.conversations.map((row) => row.conversationId)).toEqual(expected);
        expect(expected.length).toBeGreaterThan(0);
        // The count a chart shows for the window is the list's length (sums and times are not charted).
        if (!isSetMetric(metric)) {
          const points = await metrics.series(workspaceId, randomSettings, filter, 'week');
          const charted = points.reduce(
            (sum, point) =>
              sum + (metric === 'conversations' ? point.conversations : point.rates[metric][part]),
            0,
          );
          expect(charted).toBe(expected.length);
        }
        const second = await metrics.conversationsBehind(
          workspaceId,
          randomSettings,
          filter,
          { metric, part },
          {
            limit: 5,
            offset: 5,
          },
        );
        expect(second.total).toBe(expected.length);
        expect(second.conversations.map((row) => row.conversationId)).toEqual(expected.slice(5, 10));
      },
    );

    it('leaves a row derived the same as before alone, so its day is not rebuilt', async () => {
      const { workspaceId, facts } = await stored(randomFacts(300));
      await metrics.saveFacts(workspaceId, facts);
      await expect(metrics.refreshDays(workspaceId)).resolves.toBe(0);
      const one = facts.find((row) => row.firstCustomerMessageAt !== null && row.csat !== 4);
      if (one === undefined) throw new Error('no counted conversation');
      await metrics.saveFacts(
        workspaceId,
        facts.map((row) => (row === one ? { ...row, csat: 4 } : row)),
      );
      await expect(metrics.refreshDays(workspaceId)).resolves.toBe(1);
    });

    it('replaces a conversation’s row when its facts are saved again', async () => {
      const { workspaceId, facts } = await stored(deriveConversationFacts(knownEvents()));
      const changed = facts.map((row) => (row.csat === 2 ? { ...row, csat: 5 } : row));
      await metrics.saveFacts(workspaceId, changed);
      await metrics.refreshDays(workspaceId);
      const report = await metrics.report(workspaceId, knownSettings);
      expect(report.csat.humanOnly).toBe(1);
      expect(report.conversations).toBe(knownReport.conversations);
    });

    it('counts only the asked workspace, and answers nulls for one with no conversations', async () => {
      await stored(randomFacts(50, 7));
      const empty = await seedWorkspace(database.db, []);
      expectReport(
        await metrics.report(empty.workspaceId, knownSettings),
        computeMetrics([], knownSettings),
        9,
      );
    });
  });
};
