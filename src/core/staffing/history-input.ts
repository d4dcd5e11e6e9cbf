/**
 * Planner inputs from a workspace's recorded history (SPEC §10): weekly volume per category and
 * channel, human handle time and AI resolution share per category, and an intraday profile. Only
 * what the history supports replaces the base input; everything else stays and is flagged, so the
 * page can say which figures are measured and which are defaults.
 */
import { median } from '../conversation/handle-time.ts';
import type { Resolution } from '../conversation/lifecycle.ts';
import { zonedParts } from '../wait/business-hours.ts';
import { hoursPerWeek } from './intraday.ts';
import type { PlanCategory, PlanChannel, StaffingPlanInput } from './plan-input.ts';

/** One conversation that started inside the window, as Baton recorded it. */
export interface ConversationRecord {
  /** The conversation's category; null when it was never categorised. */
  readonly category: string | null;
  readonly channel: string;
  readonly startedAt: Date;
  /** How it ended; null while it is still open. */
  readonly resolution: Resolution | null;
  /** Minutes from the first pick-up by a person to the resolution, when a person resolved it. */
  readonly handleMinutes: number | null;
}

export interface HistoryInputOptions {
  readonly now: Date;
  readonly days: number;
  /** When recording began (e.g. the workspace's creation); a later start shortens the window. */
  readonly recordedSince?: Date;
  /** Time zone the intraday profile is read in; UTC when absent. */
  readonly timeZone?: string;
  /** Fewest human-resolved conversations with a handle time before their median replaces the default. */
  readonly minHandleSamples?: number;
  /** Fewest conversations resolved by the AI or a person before their ratio replaces the default share. */
  readonly minResolvedSamples?: number;
  /** Conversations needed for a day × hour profile, and for a full 168-hour profile. */
  readonly minDayHourConversations?: number;
  readonly minHourlyConversations?: number;
  readonly name?: string;
}

export type HistoryField = 'volume' | 'handleMinutes' | 'aiResolutionShare';

export interface CategoryEvidence {
  readonly category: string;
  /** Categorised conversations that started in the window. */
  readonly conversations: number;
  readonly aiResolved: number;
  readonly humanResolved: number;
  readonly abandoned: number;
  readonly handleSamples: number;
  /** The figures put into the input (measured or default). */
  readonly perWeek: number;
  readonly handleMinutes: number;
  readonly aiResolutionShare: number;
  readonly usedDefaultFor: readonly HistoryField[];
}

export interface HistoryWindow {
  readonly from: Date;
  readonly to: Date;
  readonly days: number;
  readonly weeks: number;
}

export interface HistoryInput {
  readonly input: StaffingPlanInput;
  readonly evidence: readonly CategoryEvidence[];
  readonly window: HistoryWindow;
  /** Conversations in the window, categorised or not. */
  readonly conversations: number;
  /** Conversations without a category; their volume is spread over the categories in proportion. */
  readonly uncategorised: number;
  /** Channels of the base input with no recorded conversations; their volume is set to 0 when history has any. */
  readonly channelsNotRecorded: readonly string[];
  readonly intraday: 'hourly' | 'dayAndHour' | 'default';
}

const DAY_MS = 24 * 3600_000;
const MIN_WINDOW_DAYS = 1;
/** Kept above zero: the planner needs a positive handle time, and a median of seconds is still tiny. */
const MIN_HANDLE_MINUTES = 0.1;

/** The middle value (mean of the two middle ones for an even count); NaN when empty. */
/** Hour of the week (Monday 00:00 = 0) of an instant on the wall clock of `timeZone`. */
export const hourOfWeek = (instant: Date, timeZone: string): number => {
  const p = zonedParts(instant, timeZone);
  const mondayFirst = (new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay() + 6) % 7;
  return mondayFirst * 24 + p.hour;
};

const windowOf = (options: HistoryInputOptions): HistoryWindow => {
  const to = options.now;
  const asked = to.getTime() - options.days * DAY_MS;
  const started = Math.max(asked, options.recordedSince?.getTime() ?? asked);
  const from = new Date(Math.min(started, to.getTime() - MIN_WINDOW_DAYS * DAY_MS));
  const days = (to.getTime() - from.getTime()) / DAY_MS;
  return { from, to, days, weeks: days / 7 };
};

const countBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};

/** Weights to spread uncategorised conversations of one channel over the categories. */
const spreadWeights = (
  categorised: readonly ConversationRecord[],
  channel: string,
  base: StaffingPlanInput,
): Map<string, number> => {
  const onChannel = countBy(
    categorised.filter((r) => r.channel === channel),
    (r) => r.category ?? '',
  );
  if (onChannel.size > 0) return onChannel;
  if (categorised.length > 0) return countBy(categorised, (r) => r.category ?? '');
  const fromBase = new Map<string, number>();
  for (const row of base.volume) fromBase.set(row.category, (fromBase.get(row.category) ?? 0) + row.perWeek);
  return fromBase;
};

/** Conversations per window by category and channel, uncategorised ones spread in proportion. */
const volumeCounts = (
  records: readonly ConversationRecord[],
  base: StaffingPlanInput,
): Map<string, Map<string, number>> => {
  const byCategory = new Map<string, Map<string, number>>();
  const add = (category: string, channel: string, n: number) => {
    const row = byCategory.get(category) ?? new Map<string, number>();
    row.set(channel, (row.get(channel) ?? 0) + n);
    byCategory.set(category, row);
  };
  const categorised = records.filter((r) => r.category !== null);
  for (const r of categorised) add(r.category ?? '', r.channel, 1);
  const uncategorised = countBy(
    records.filter((r) => r.category === null),
    (r) => r.channel,
  );
  for (const [channel, count] of uncategorised) {
    const weights = spreadWeights(categorised, channel, base);
    const total = [...weights.values()].reduce((s, w) => s + w, 0);
    for (const [category, w] of weights) if (total > 0) add(category, channel, (count * w) / total);
  }
  return byCategory;
};

const intradayOf = (
  records: readonly ConversationRecord[],
  window: HistoryWindow,
  options: HistoryInputOptions,
): { profile: StaffingPlanInput['intraday']; kind: HistoryInput['intraday'] } | null => {
  const enoughForDayHour = records.length >= (options.minDayHourConversations ?? 150);
  if (!enoughForDayHour) return null;
  const zone = options.timeZone ?? 'UTC';
  const counts = new Array<number>(hoursPerWeek).fill(0);
  const exposure = new Array<number>(hoursPerWeek).fill(0);
  for (const r of records) {
    const h = hourOfWeek(r.startedAt, zone);
    counts[h] = (counts[h] ?? 0) + 1;
  }
  // How often each hour of the week occurred in the window, so a window of 10 days does not
  // make the three days it holds twice look busier.
  for (let t = window.from.getTime(); t < window.to.getTime(); t += 3600_000) {
    const h = hourOfWeek(new Date(t), zone);
    exposure[h] = (exposure[h] ?? 0) + Math.min(1, (window.to.getTime() - t) / 3600_000);
  }
  const rate = (c: number, e: number): number => (e > 0 ? c / e : 0);
  if (records.length >= (options.minHourlyConversations ?? 1_000)) {
    const shares = counts.map((c, h) => rate(c, exposure[h] ?? 0));
    return { profile: { kind: 'hourly', shares }, kind: 'hourly' };
  }
  const sumWhere = (values: readonly number[], keep: (h: number) => boolean) =>
    values.reduce((s, v, h) => (keep(h) ? s + v : s), 0);
  const dayShares = Array.from({ length: 7 }, (_, d) => {
    const inDay = (h: number) => Math.floor(h / 24) === d;
    return rate(sumWhere(counts, inDay), sumWhere(exposure, inDay));
  });
  const hourShares = Array.from({ length: 24 }, (_, hd) => {
    const atHour = (h: number) => h % 24 === hd;
    return rate(sumWhere(counts, atHour), sumWhere(exposure, atHour));
  });
  return { profile: { kind: 'dayAndHour', dayShares, hourShares }, kind: 'dayAndHour' };
};

/** A new category seen in history gets the base's volume-weighted handle time and AI share until measured. */
const categoryFor = (id: string, base: StaffingPlanInput): PlanCategory => {
  const known = base.categories.find((c) => c.id === id);
  if (known) return known;
  const weight = (c: PlanCategory) =>
    base.volume.filter((v) => v.category === c.id).reduce((s, v) => s + v.perWeek, 0);
  const total = base.categories.reduce((s, c) => s + weight(c), 0);
  const mean = (pick: (c: PlanCategory) => number) =>
    total > 0
      ? base.categories.reduce((s, c) => s + pick(c) * weight(c), 0) / total
      : base.categories.reduce((s, c) => s + pick(c), 0) / base.categories.length;
  return {
    id,
    handleMinutes: mean((c) => c.handleMinutes),
    aiResolutionShare: mean((c) => c.aiResolutionShare),
    specialist: false,
  };
};

/** A channel seen in history but missing from the base: a live channel like the base's first one. */
const channelFor = (id: string, base: StaffingPlanInput): PlanChannel => {
  const known = base.channels.find((c) => c.id === id);
  if (known) return known;
  const live = base.channels.find((c) => c.kind === 'live');
  return live ? { ...live, id } : { kind: 'deferred', id };
};

/** Derives planner inputs from conversation records, keeping the base wherever history is too thin. */
export const planInputFromHistory = (
  records: readonly ConversationRecord[],
  base: StaffingPlanInput,
  options: HistoryInputOptions,
): HistoryInput => {
  const window = windowOf(options);
  const inWindow = records.filter((r) => r.startedAt >= window.from && r.startedAt < window.to);
  const hasHistory = inWindow.length > 0;
  const counts = volumeCounts(inWindow, base);
  const seenChannels = [...new Set(inWindow.map((r) => r.channel))];
  const channels = [
    ...base.channels,
    ...seenChannels.filter((id) => !base.channels.some((c) => c.id === id)).map((id) => channelFor(id, base)),
  ];
  const categoryIds = [...new Set([...base.categories.map((c) => c.id), ...counts.keys()])];
  const minHandle = options.minHandleSamples ?? 10;
  const minResolved = options.minResolvedSamples ?? 10;

  const evidence: CategoryEvidence[] = [];
  const categories: PlanCategory[] = categoryIds.map((id) => {
    const start = categoryFor(id, base);
    const mine = inWindow.filter((r) => r.category === id);
    const by = (resolution: Resolution) => mine.filter((r) => r.resolution === resolution).length;
    const [aiResolved, humanResolved, abandoned] = [by('ai'), by('human'), by('abandoned')];
    const samples = mine
      .filter((r) => r.resolution === 'human' && r.handleMinutes !== null && r.handleMinutes >= 0)
      .map((r) => r.handleMinutes ?? 0);
    const decided = aiResolved + humanResolved;
    const measuredHandle = samples.length >= minHandle && samples.length > 0;
    const measuredShare = decided >= minResolved && decided > 0;
    const usedDefaultFor: HistoryField[] = [
      ...(hasHistory ? [] : (['volume'] as const)),
      ...(measuredHandle ? [] : (['handleMinutes'] as const)),
      ...(measuredShare ? [] : (['aiResolutionShare'] as const)),
    ];
    const handleMinutes = measuredHandle
      ? Math.max(MIN_HANDLE_MINUTES, median(samples))
      : start.handleMinutes;
    const aiResolutionShare = measuredShare ? aiResolved / decided : start.aiResolutionShare;
    const perWeek = hasHistory
      ? [...(counts.get(id)?.values() ?? [])].reduce((s, n) => s + n, 0) / window.weeks
      : base.volume.filter((v) => v.category === id).reduce((s, v) => s + v.perWeek, 0);
    evidence.push({
      category: id,
      conversations: mine.length,
      aiResolved,
      humanResolved,
      abandoned,
      handleSamples: samples.length,
      perWeek,
      handleMinutes,
      aiResolutionShare,
      usedDefaultFor,
    });
    return { ...start, handleMinutes, aiResolutionShare };
  });

  const volume = hasHistory
    ? categoryIds.flatMap((category) =>
        channels.map((channel) => ({
          category,
          channel: channel.id,
          perWeek: (counts.get(category)?.get(channel.id) ?? 0) / window.weeks,
        })),
      )
    : base.volume;
  const intraday = hasHistory ? intradayOf(inWindow, window, options) : null;
  return {
    input: {
      ...base,
      name: options.name ?? base.name,
      categories,
      channels,
      volume,
      intraday: intraday?.profile ?? base.intraday,
    },
    evidence,
    window,
    conversations: inWindow.length,
    uncategorised: inWindow.filter((r) => r.category === null).length,
    channelsNotRecorded: hasHistory
      ? base.channels.filter((c) => !seenChannels.includes(c.id)).map((c) => c.id)
      : [],
    intraday: intraday?.kind ?? 'default',
  };
};
