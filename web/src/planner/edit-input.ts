/** Immutable edits of a plan input, one per field the planner form offers. */
import type { PlanInputView } from '../../../src/api/planner-schemas.ts';

type Category = PlanInputView['categories'][number];
type Channel = PlanInputView['channels'][number];
type LiveChannel = Extract<Channel, { kind: 'live' }>;
type AiQa = PlanInputView['roles']['aiQa'];
export type DayHours = PlanInputView['openingHours'][number];

/** Conversations per week for one category on one channel (0 when the input has no such row). */
export const volumeOf = (input: PlanInputView, category: string, channel: string): number =>
  input.volume
    .filter((v) => v.category === category && v.channel === channel)
    .reduce((total, v) => total + v.perWeek, 0);

/** Index of the volume row for a category and channel, or -1. */
export const volumeRowIndex = (input: PlanInputView, category: string, channel: string): number =>
  input.volume.findIndex((v) => v.category === category && v.channel === channel);

export const setVolume = (
  input: PlanInputView,
  category: string,
  channel: string,
  perWeek: number,
): PlanInputView => {
  const index = volumeRowIndex(input, category, channel);
  const volume =
    index < 0
      ? [...input.volume, { category, channel, perWeek }]
      : input.volume
          .map((v, i) => (i === index ? { ...v, perWeek } : v))
          // Duplicate rows for the same pair would be added up; the edited figure replaces them all.
          .filter((v, i) => i === index || v.category !== category || v.channel !== channel);
  return { ...input, volume };
};

export const setCategory = (
  input: PlanInputView,
  index: number,
  change: Partial<Category>,
): PlanInputView => ({
  ...input,
  categories: input.categories.map((c, i) => (i === index ? { ...c, ...change } : c)),
});

export const setLiveChannel = (
  input: PlanInputView,
  index: number,
  change: Partial<Omit<LiveChannel, 'kind' | 'id'>>,
): PlanInputView => ({
  ...input,
  channels: input.channels.map((c, i) => (i === index && c.kind === 'live' ? { ...c, ...change } : c)),
});

export const setOpeningHours = (input: PlanInputView, day: number, hours: DayHours): PlanInputView => ({
  ...input,
  openingHours: input.openingHours.map((h, i) => (i === day ? hours : h)),
});

export const setAiQa = (input: PlanInputView, change: Partial<AiQa>): PlanInputView => ({
  ...input,
  roles: { ...input.roles, aiQa: { ...input.roles.aiQa, ...change } },
});

/** Share of all conversations the AI resolves with the current per-category shares. */
export const overallAiShare = (input: PlanInputView): number => {
  const total = input.volume.reduce((sum, v) => sum + v.perWeek, 0);
  if (!(total > 0)) return 0;
  const resolved = input.volume.reduce((sum, v) => {
    const share = input.categories.find((c) => c.id === v.category)?.aiResolutionShare ?? 0;
    return sum + v.perWeek * share;
  }, 0);
  return resolved / total;
};

/** Weekly volumes in whole conversations: history scales counts to a week, which leaves fractions. */
export const wholeVolumes = (input: PlanInputView): PlanInputView => ({
  ...input,
  volume: input.volume.map((v) => ({ ...v, perWeek: Math.round(v.perWeek) })),
});
