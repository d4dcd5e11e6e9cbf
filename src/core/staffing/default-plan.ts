import type { StaffingPlanInputDraft } from './plan-input.ts';

/**
 * A typical e-commerce support mix on Baton's default taxonomy: share of conversations, today's human
 * handle time, and the share an AI with a maintained knowledge base resolves. The AI shares follow
 * how answerable each category is (order status and shipping are lookups; fraud, legal and
 * disputes always go to a person, SPEC §5). They are assumptions to replace with your history.
 */
export const defaultCategoryMix = [
  { id: 'order_status', share: 0.25, handleMinutes: 6, aiResolutionShare: 0.9 },
  { id: 'shipping', share: 0.15, handleMinutes: 8, aiResolutionShare: 0.75 },
  { id: 'account_access', share: 0.12, handleMinutes: 8, aiResolutionShare: 0.7 },
  { id: 'product_question', share: 0.2, handleMinutes: 10, aiResolutionShare: 0.7 },
  { id: 'billing', share: 0.1, handleMinutes: 10, aiResolutionShare: 0.5 },
  { id: 'refund', share: 0.08, handleMinutes: 12, aiResolutionShare: 0.4 },
  { id: 'complaint', share: 0.04, handleMinutes: 15, aiResolutionShare: 0.1 },
  { id: 'payment_dispute', share: 0.02, handleMinutes: 20, aiResolutionShare: 0, specialist: true },
  { id: 'fraud', share: 0.01, handleMinutes: 25, aiResolutionShare: 0, specialist: true },
  { id: 'legal', share: 0.01, handleMinutes: 30, aiResolutionShare: 0, specialist: true },
  { id: 'account_closure', share: 0.02, handleMinutes: 10, aiResolutionShare: 0 },
] as const;

/** Busier on Monday, quiet at the weekend; a late-morning and early-afternoon peak (shares, renormalised). */
export const defaultDayShares = [0.18, 0.17, 0.16, 0.16, 0.15, 0.1, 0.08];
export const defaultHourShares = [
  0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.5, 3.5, 6, 7.5, 8, 7.5, 7.5, 7.5, 7, 6.5, 6, 5.5, 5, 4.5, 3.5, 2, 1,
];

export interface DefaultPlanOptions {
  readonly conversationsPerWeek?: number;
  /** Share of conversations over chat; the rest arrive by email. */
  readonly chatShare?: number;
}

/** A ready-to-edit plan input for a mid-size team (about 25 agents today), for the web planner's first screen. */
export const defaultPlanInput = (options: DefaultPlanOptions = {}): StaffingPlanInputDraft => {
  const perWeek = options.conversationsPerWeek ?? 4_500;
  const chatShare = options.chatShare ?? 0.7;
  return {
    name: 'Mid-size e-commerce team',
    categories: defaultCategoryMix.map(({ id, handleMinutes, aiResolutionShare, ...rest }) => ({
      id,
      handleMinutes,
      aiResolutionShare,
      specialist: 'specialist' in rest,
    })),
    channels: [
      { kind: 'live', id: 'chat', serviceLevel: 0.8, targetSeconds: 60, concurrency: 2 },
      { kind: 'deferred', id: 'email' },
    ],
    volume: defaultCategoryMix.flatMap(({ id, share }) => [
      { category: id, channel: 'chat', perWeek: perWeek * share * chatShare },
      { category: id, channel: 'email', perWeek: perWeek * share * (1 - chatShare) },
    ]),
    intraday: { kind: 'dayAndHour', dayShares: defaultDayShares, hourShares: defaultHourShares },
    openingHours: [
      [8, 20],
      [8, 20],
      [8, 20],
      [8, 20],
      [8, 20],
      [9, 17],
      [9, 17],
    ],
  };
};
