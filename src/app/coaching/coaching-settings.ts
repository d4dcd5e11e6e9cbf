/**
 * The coaching settings (SPEC §8) as two versioned workspace settings with who and why: the
 * reviewers' weekly capacity lives in `review_sampling` (the week's sample is drawn to that size,
 * other sampling knobs kept), the report cadence in `report_cadence`. Ops and admins change them;
 * qa read them.
 */
import type { CoachingSettings, CoachingSettingsView } from '../../api/coaching-settings-schemas.ts';
import { canChangePolicy, canReview } from '../../core/auth/permissions.ts';
import { defaultSamplingSettings } from '../../core/coaching/review-sampling/index.ts';
import type { ReportCadence } from '../../core/coaching/weekly-report/index.ts';
import { DomainError } from '../../core/errors.ts';
import type { Agent } from '../../core/model.ts';
import type { Store } from '../../core/ports/store.ts';
import type { AppContext } from '../context.ts';
import { REVIEW_SAMPLING_SETTING } from './week-sample.ts';

export const REPORT_CADENCE_SETTING = 'report_cadence';

const field = (value: unknown, name: string): unknown =>
  typeof value === 'object' && value !== null ? Reflect.get(value, name) : undefined;

/** The report cadence ops set (weekly before any): read by the report page and `baton report`. */
export const reportCadenceOf = async (store: Store, workspaceId: string): Promise<ReportCadence> =>
  field((await store.settings.current(workspaceId, REPORT_CADENCE_SETTING))?.value, 'cadence') ===
  'fortnightly'
    ? 'fortnightly'
    : 'weekly';

const read = async (ctx: AppContext, workspaceId: string) => {
  const [sampling, cadence] = await Promise.all([
    ctx.store.settings.current(workspaceId, REVIEW_SAMPLING_SETTING),
    ctx.store.settings.current(workspaceId, REPORT_CADENCE_SETTING),
  ]);
  const capacity = field(sampling?.value, 'reviewsPerWeek');
  const chosen = field(cadence?.value, 'cadence');
  return {
    samplingValue: sampling?.value,
    settings: {
      reviewsPerWeek:
        typeof capacity === 'number' && capacity >= 1
          ? Math.round(capacity)
          : defaultSamplingSettings.reviewsPerWeek,
      reportCadence: chosen === 'fortnightly' ? 'fortnightly' : 'weekly',
    } satisfies CoachingSettings,
  };
};

export const coachingSettingsView = async (ctx: AppContext, agent: Agent): Promise<CoachingSettingsView> => {
  if (!canReview(agent))
    throw new DomainError('forbidden', 'The coaching settings are for the qa, ops and admin roles.');
  return { ...(await read(ctx, agent.workspaceId)).settings, canEdit: canChangePolicy(agent) };
};

/** Publishes a new version of each setting that changed, with who and why. */
export const saveCoachingSettings = async (
  ctx: AppContext,
  agent: Agent,
  change: CoachingSettings & { readonly note?: string | undefined },
): Promise<CoachingSettingsView> => {
  if (!canChangePolicy(agent))
    throw new DomainError('forbidden', 'Only ops and admins change the coaching settings; qa can read them.');
  const { samplingValue, settings } = await read(ctx, agent.workspaceId);
  const stamp = { workspaceId: agent.workspaceId, author: agent.id, note: change.note ?? '', at: ctx.now() };
  if (change.reviewsPerWeek !== settings.reviewsPerWeek) {
    // The other sampling knobs (risk oversampling) are kept as they were.
    const kept = typeof samplingValue === 'object' && samplingValue !== null ? samplingValue : {};
    await ctx.store.settings.publish({
      ...stamp,
      key: REVIEW_SAMPLING_SETTING,
      value: { ...kept, reviewsPerWeek: change.reviewsPerWeek },
    });
  }
  if (change.reportCadence !== settings.reportCadence)
    await ctx.store.settings.publish({
      ...stamp,
      key: REPORT_CADENCE_SETTING,
      value: { cadence: change.reportCadence },
    });
  return coachingSettingsView(ctx, agent);
};
