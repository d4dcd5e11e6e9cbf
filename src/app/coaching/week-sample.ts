/**
 * Drawing a week's review sample (SPEC §8) from what the store keeps: the week's `decision_made`
 * events of AI answers, reopenings (recontacts), flags, the policy versions' publication times and
 * the sampling setting. The draw is pure (`sampleForReview`, seeded by workspace and week) and
 * stored once, so everyone sees the same queue all week.
 */
import { isoWeekRange } from '../../core/coaching/iso-week.ts';
import {
  decisionFactsOf,
  defaultSamplingSettings,
  type ReviewCandidate,
  type SamplingSettings,
  sampleForReview,
  seedFrom,
} from '../../core/coaching/review-sampling/index.ts';
import { DomainError } from '../../core/errors.ts';
import type { StoredReviewSample } from '../../core/ports/reviews.ts';
import type { Store } from '../../core/ports/store.ts';
import { defaultPolicy, validatePolicy } from '../../core/triage/policy/index.ts';

/** The workspace setting that holds the reviewers' weekly capacity and the sampling knobs. */
export const REVIEW_SAMPLING_SETTING = 'review_sampling';

export const weekRangeOrThrow = (week: string) => {
  const range = isoWeekRange(week);
  if (range === null)
    throw new DomainError('invalid_input', `"${week}" is not an ISO week; write it like 2026-W49.`);
  return range;
};

const numberField = (value: unknown, field: string): number | undefined => {
  const found = typeof value === 'object' && value !== null ? Reflect.get(value, field) : undefined;
  return typeof found === 'number' && Number.isFinite(found) && found >= 0 ? found : undefined;
};

/** The setting over the defaults; high-stakes categories are the policy's high-risk or amount-limited ones. */
const samplingSettings = async (store: Store, workspaceId: string): Promise<SamplingSettings> => {
  const [setting, current] = await Promise.all([
    store.settings.current(workspaceId, REVIEW_SAMPLING_SETTING),
    store.policies.current(workspaceId),
  ]);
  const validated = validatePolicy(current?.document ?? defaultPolicy());
  const policy = validated.kind === 'valid' ? validated.policy : defaultPolicy();
  const highStakesCategories = Object.entries(policy.categories)
    .filter(([, category]) => category.highRisk || category.amountLimit !== null)
    .map(([name]) => name);
  const value = setting?.value;
  return {
    ...defaultSamplingSettings,
    reviewsPerWeek: Math.round(
      numberField(value, 'reviewsPerWeek') ?? defaultSamplingSettings.reviewsPerWeek,
    ),
    riskOversampling: numberField(value, 'riskOversampling') ?? defaultSamplingSettings.riskOversampling,
    highStakesCategories,
  };
};

interface WeekEvents {
  readonly candidates: ReviewCandidate[];
  readonly flagged: { conversationId: string; category: string }[];
}

/** Each conversation's last AI answer of the week as a candidate, and the week's flagged conversations. */
const weekEvents = async (store: Store, workspaceId: string, start: Date, end: Date): Promise<WeekEvents> => {
  const [events, versions] = await Promise.all([
    store.events.listByType(workspaceId, ['decision_made', 'reopened', 'ai_message_flagged'], start),
    store.policies.list(workspaceId),
  ]);
  const published = new Map(versions.map((version) => [version.version, version.createdAt]));
  const inWeek = events.filter((event) => event.at < end);
  const reopened = new Set(inWeek.filter((e) => e.type === 'reopened').map((e) => e.conversationId));
  const latest = new Map<string, ReviewCandidate>();
  for (const event of inWeek) {
    if (event.type !== 'decision_made') continue;
    const facts = decisionFactsOf(event.data);
    if (facts === null || facts.action !== 'answer') continue;
    latest.set(event.conversationId, {
      ...facts.candidate,
      conversationId: event.conversationId,
      decidedAt: event.at,
      recontacted: reopened.has(event.conversationId),
      policyPublishedAt: facts.policyVersion === null ? null : (published.get(facts.policyVersion) ?? null),
    });
  }
  const flaggedIds = new Set(
    inWeek.filter((e) => e.type === 'ai_message_flagged').map((e) => e.conversationId),
  );
  const undecided = await store.conversations.getByIds(
    [...flaggedIds].filter((id) => (latest.get(id)?.category ?? null) === null),
  );
  const flagged = [...flaggedIds].map((conversationId) => ({
    conversationId,
    category:
      latest.get(conversationId)?.category ?? undecided.get(conversationId)?.category ?? 'uncategorised',
  }));
  return { candidates: [...latest.values()], flagged };
};

/**
 * The week's sample. A finished week is drawn once and stored, so everyone reviews the same queue
 * and its weights hold; the week under way is drawn afresh from what has happened so far (the same
 * seed, so it changes only as new answers arrive) and stored once the week is over.
 */
export const weekSample = async (
  store: Store,
  workspaceId: string,
  week: string,
  now: Date,
): Promise<StoredReviewSample> => {
  const { start, end } = weekRangeOrThrow(week);
  const existing = await store.reviews.getSample(workspaceId, week);
  if (existing !== null) return existing;
  const [settings, events] = await Promise.all([
    samplingSettings(store, workspaceId),
    weekEvents(store, workspaceId, start, end),
  ]);
  const sample = sampleForReview({ ...events, settings, seed: seedFrom(`${workspaceId}/${week}`) });
  const drawn = {
    workspaceId,
    week,
    drawnAt: now,
    capacity: sample.capacity,
    population: sample.population,
    strata: sample.strata,
    items: sample.items,
  };
  if (now < end) return { ...drawn, items: drawn.items.map((item, position) => ({ ...item, position })) };
  return (await store.reviews.saveSample(drawn)).sample;
};
