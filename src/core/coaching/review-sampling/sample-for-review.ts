/**
 * The weekly review sample (SPEC §8). Flags always land in the queue; the rest of the reviewers'
 * capacity is a stratified random sample of the AI-handled conversations: strata are category ×
 * (risky or routine), risky strata are oversampled, and every sampled conversation carries its
 * weight (stratum size ÷ stratum sample), so rates measured on the sample can be re-weighted to
 * the whole week.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { allocateSample } from './allocate.ts';
import { type ReviewCandidate, type RiskFactor, type RiskSettings, riskFactorsOf } from './risk-factors.ts';

export interface SamplingSettings extends RiskSettings {
  /** Reviews the team can do in a week (reviewers × reviews each); flags count against it. */
  readonly reviewsPerWeek: number;
  /** How many times likelier a risky conversation is to be sampled than a routine one. */
  readonly riskOversampling: number;
}

export const defaultSamplingSettings: Omit<SamplingSettings, 'highStakesCategories'> = {
  reviewsPerWeek: 50,
  riskOversampling: 4,
  lowConfidenceMargin: 0.1,
  negativeSentimentBelow: -0.3,
  newPolicyDays: 7,
};

export type StratumTier = 'risky' | 'routine';

export interface ReviewItem {
  readonly conversationId: string;
  readonly category: string;
  readonly source: 'flag' | 'sample';
  readonly risks: readonly RiskFactor[];
  /** How many AI-handled conversations of the week this one stands for (1 for a flag). */
  readonly weight: number;
  readonly tier: StratumTier | null;
}

export interface StratumReport {
  readonly category: string;
  readonly tier: StratumTier;
  readonly population: number;
  readonly sampled: number;
  /** Null when the stratum got no review: its share of the week is unseen. */
  readonly weight: number | null;
}

export interface ReviewSample {
  readonly capacity: number;
  readonly population: number;
  readonly flagged: number;
  readonly sampled: number;
  /** Flags first, then the sample by category and tier. */
  readonly items: readonly ReviewItem[];
  readonly strata: readonly StratumReport[];
}

export interface SamplingInput {
  readonly candidates: readonly ReviewCandidate[];
  /** Flagged conversations (any conversation with a flag on an AI message this week). */
  readonly flagged: readonly { readonly conversationId: string; readonly category: string }[];
  readonly settings: SamplingSettings;
  /** The same seed draws the same sample (e.g. `seedFrom(workspaceId + week)`). */
  readonly seed: number;
}

/** A 32-bit seed from text (FNV-1a), so a week's sample can be drawn again identically. */
export const seedFrom = (text: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
};

const byId = (a: { conversationId: string }, b: { conversationId: string }) =>
  a.conversationId < b.conversationId ? -1 : a.conversationId > b.conversationId ? 1 : 0;

interface Stratum {
  readonly key: string;
  readonly category: string;
  readonly tier: StratumTier;
  readonly members: ReviewCandidate[];
}

/** The unflagged candidates by category × tier, in key order, members in id order. */
const stratify = (
  candidates: readonly ReviewCandidate[],
  flaggedIds: ReadonlySet<string>,
  risksById: ReadonlyMap<string, readonly RiskFactor[]>,
): Stratum[] => {
  const strata = new Map<string, Stratum>();
  for (const candidate of [...candidates].sort(byId)) {
    if (flaggedIds.has(candidate.conversationId)) continue;
    const tier: StratumTier =
      (risksById.get(candidate.conversationId) ?? []).length > 0 ? 'risky' : 'routine';
    const key = `${candidate.category}/${tier}`;
    const stratum = strata.get(key) ?? { key, category: candidate.category, tier, members: [] };
    stratum.members.push(candidate);
    strata.set(key, stratum);
  }
  return [...strata.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
};

/** A simple random sample of `take` members: the first `take` after a partial Fisher–Yates shuffle. */
const draw = (
  members: readonly ReviewCandidate[],
  take: number,
  rng: ReturnType<typeof xoroshiro128plus>,
) => {
  const shuffled = [...members];
  for (let i = 0; i < take; i += 1) {
    const j = uniformInt(rng, i, shuffled.length - 1);
    const picked = shuffled[j];
    const current = shuffled[i];
    if (picked && current) [shuffled[i], shuffled[j]] = [picked, current];
  }
  return shuffled.slice(0, take);
};

/** Draws the week's review queue. Pure: the same input and seed give the same sample. */
export const sampleForReview = (input: SamplingInput): ReviewSample => {
  const { settings } = input;
  const risksById = new Map(input.candidates.map((c) => [c.conversationId, riskFactorsOf(c, settings)]));
  const flags: ReviewItem[] = [...input.flagged].sort(byId).map((flag) => ({
    conversationId: flag.conversationId,
    category: flag.category,
    source: 'flag',
    risks: risksById.get(flag.conversationId) ?? [],
    weight: 1,
    tier: null,
  }));
  const strata = stratify(input.candidates, new Set(flags.map((flag) => flag.conversationId)), risksById);
  const population = strata.reduce((total, stratum) => total + stratum.members.length, 0);
  const size = Math.max(0, Math.min(settings.reviewsPerWeek - flags.length, population));
  const allocation = allocateSample(
    strata.map((stratum) => ({
      key: stratum.key,
      category: stratum.category,
      population: stratum.members.length,
      factor: stratum.tier === 'risky' ? settings.riskOversampling : 1,
      preferredFirst: stratum.tier === 'risky',
    })),
    size,
  );
  const rng = xoroshiro128plus(input.seed);
  const items: ReviewItem[] = [...flags];
  const reports: StratumReport[] = [];
  for (const stratum of strata) {
    const take = allocation.get(stratum.key) ?? 0;
    const weight = take > 0 ? stratum.members.length / take : null;
    for (const member of draw(stratum.members, take, rng)) {
      const risks = risksById.get(member.conversationId) ?? [];
      items.push({ ...memberItem(member, risks), weight: weight ?? 0, tier: stratum.tier });
    }
    const { category, tier } = stratum;
    reports.push({ category, tier, population: stratum.members.length, sampled: take, weight });
  }
  return {
    capacity: settings.reviewsPerWeek,
    population: population + flags.filter((flag) => risksById.has(flag.conversationId)).length,
    flagged: flags.length,
    sampled: items.length - flags.length,
    items,
    strata: reports,
  };
};

const memberItem = (member: ReviewCandidate, risks: readonly RiskFactor[]) => ({
  conversationId: member.conversationId,
  category: member.category,
  source: 'sample' as const,
  risks,
});

/**
 * The week's share of conversations for which `holds` is true, estimated from reviewed items by
 * their weights (Horvitz–Thompson ratio); null when nothing was reviewed.
 */
export const weightedShare = <T extends { readonly weight: number }>(
  reviewed: readonly T[],
  holds: (item: T) => boolean,
): number | null => {
  let total = 0;
  let matching = 0;
  for (const item of reviewed) {
    total += item.weight;
    if (holds(item)) matching += item.weight;
  }
  return total > 0 ? matching / total : null;
};
