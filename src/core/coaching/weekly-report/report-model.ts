/**
 * The weekly review report (SPEC §8): what was sampled, what was wrong (by category and root
 * cause, with the wrong share re-weighted to the whole week), what was fixed, and how the numbers
 * moved week over week. Built from plain values; the store and the metrics supply them.
 */
import type { ReviewLabel, RootCause } from '../escalation-need.ts';
import { isoWeekRange, previousIsoWeek } from '../iso-week.ts';
import type { ClosedGap, OpenGap } from './gap-outcomes.ts';

export interface ReviewedConversation {
  readonly conversationId: string;
  readonly category: string;
  readonly source: 'flag' | 'sample';
  /** The sampling weight (1 for a flag). */
  readonly weight: number;
  readonly label: ReviewLabel;
  readonly rootCause: RootCause | null;
}

export interface ReportNumber {
  readonly key: string;
  readonly label: string;
  readonly thisWeek: number | null;
  readonly lastWeek: number | null;
  /** How to show it: a rate as a percentage, a count, seconds as a duration. */
  readonly unit: 'rate' | 'count' | 'seconds';
  /** Which way is good, so the report can say "better" or "worse". */
  readonly better: 'up' | 'down';
}

/** How often the report is read (a coaching setting): one ISO week, or two ending with the chosen one. */
export type ReportCadence = 'weekly' | 'fortnightly';

/** The ISO weeks a report covers, oldest first, ending with `week`. */
export const reportWeeks = (week: string, cadence: ReportCadence): readonly string[] => {
  const before = cadence === 'fortnightly' ? previousIsoWeek(week) : null;
  return before === null ? [week] : [before, week];
};

export interface WeeklyReportInput {
  /** The last (or only) week the report covers. */
  readonly week: string;
  /** Every week it covers, oldest first; just `week` when left out. Counts are over all of them. */
  readonly weeks?: readonly string[];
  readonly workspaceName: string;
  /** What the review queue held this week. */
  readonly queue: { readonly flagged: number; readonly sampled: number; readonly population: number };
  readonly reviewed: readonly ReviewedConversation[];
  readonly fixes: {
    readonly articlesPublished: readonly { readonly slug: string; readonly title: string }[];
    readonly policyVersions: readonly { readonly version: string; readonly note: string }[];
    readonly gapsClosed: readonly ClosedGap[];
  };
  /** The largest knowledge gaps still open, with their trend. */
  readonly openGaps: readonly OpenGap[];
  readonly numbers: readonly ReportNumber[];
}

export interface CategoryLine {
  readonly category: string;
  readonly reviewed: number;
  readonly wrong: number;
}

export interface NumberLine extends ReportNumber {
  readonly change: number | null;
  readonly verdict: 'better' | 'worse' | 'same' | null;
}

export interface WeeklyReport {
  readonly week: string;
  /** The weeks covered, oldest first (two for a fortnightly report); `from` and `to` span them. */
  readonly weeks: readonly string[];
  readonly from: string;
  readonly to: string;
  readonly workspaceName: string;
  readonly sampled: {
    readonly flagged: number;
    readonly sampled: number;
    readonly population: number;
    readonly reviewed: number;
  };
  readonly wrong: {
    readonly count: number;
    /** Wrong ÷ reviewed, as reviewed (flags and risky conversations are over-represented). */
    readonly shareOfReviewed: number | null;
    /** The sample re-weighted to the week's AI-handled conversations (flags left out). */
    readonly estimatedShareOfWeek: number | null;
    readonly byCategory: readonly CategoryLine[];
    readonly byLabel: readonly { readonly label: ReviewLabel; readonly count: number }[];
    readonly byRootCause: readonly { readonly rootCause: RootCause | 'not_given'; readonly count: number }[];
  };
  readonly fixed: WeeklyReportInput['fixes'];
  readonly openGaps: WeeklyReportInput['openGaps'];
  readonly numbers: readonly NumberLine[];
}

export const isWrong = (label: ReviewLabel): boolean => label !== 'correct';

const counted = <K extends string>(keys: readonly K[]): { key: K; count: number }[] => {
  const counts = new Map<K, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
};

const numberLine = (number: ReportNumber): NumberLine => {
  if (number.thisWeek === null || number.lastWeek === null) return { ...number, change: null, verdict: null };
  const change = number.thisWeek - number.lastWeek;
  const verdict =
    Math.abs(change) < 1e-9 ? 'same' : change > 0 === (number.better === 'up') ? 'better' : 'worse';
  return { ...number, change, verdict };
};

export const buildWeeklyReport = (input: WeeklyReportInput): WeeklyReport => {
  const weeks = input.weeks && input.weeks.length > 0 ? input.weeks : [input.week];
  const first = isoWeekRange(weeks[0] ?? input.week);
  const last = isoWeekRange(weeks[weeks.length - 1] ?? input.week);
  const wrong = input.reviewed.filter((item) => isWrong(item.label));
  const sampled = input.reviewed.filter((item) => item.source === 'sample');
  const sampledWeight = sampled.reduce((total, item) => total + item.weight, 0);
  const wrongWeight = sampled
    .filter((item) => isWrong(item.label))
    .reduce((total, item) => total + item.weight, 0);
  const categories = [...new Set(input.reviewed.map((item) => item.category))].sort();
  return {
    week: input.week,
    weeks,
    from: first ? first.start.toISOString().slice(0, 10) : '',
    to: last ? new Date(last.end.getTime() - 86_400_000).toISOString().slice(0, 10) : '',
    workspaceName: input.workspaceName,
    sampled: { ...input.queue, reviewed: input.reviewed.length },
    wrong: {
      count: wrong.length,
      shareOfReviewed: input.reviewed.length > 0 ? wrong.length / input.reviewed.length : null,
      estimatedShareOfWeek: sampledWeight > 0 ? wrongWeight / sampledWeight : null,
      byCategory: categories
        .map((category) => ({
          category,
          reviewed: input.reviewed.filter((item) => item.category === category).length,
          wrong: wrong.filter((item) => item.category === category).length,
        }))
        .sort((a, b) => b.wrong - a.wrong || (a.category < b.category ? -1 : 1)),
      byLabel: counted(wrong.map((item) => item.label)).map(({ key, count }) => ({ label: key, count })),
      byRootCause: counted(wrong.map((item) => item.rootCause ?? 'not_given')).map(({ key, count }) => ({
        rootCause: key,
        count,
      })),
    },
    fixed: input.fixes,
    openGaps: input.openGaps,
    numbers: input.numbers.map(numberLine),
  };
};
