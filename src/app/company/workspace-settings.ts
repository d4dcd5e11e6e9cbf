/**
 * The workspace settings page (issue 10): the chat's greeting, colour and corner and the public URL
 * (setting `widget`), and the counting windows and costs (setting `metrics`, which the lifecycle
 * sweep and the §9 metrics read). Each save publishes a new version of each setting that changed,
 * with its author, so the history shows who changed what, when, and the values before.
 */
import type { SavedSettings, SaveSettingsRequest, SettingsView } from '../../api/settings-schemas.ts';
import { canManagePeople } from '../../core/auth/permissions.ts';
import { DomainError } from '../../core/errors.ts';
import {
  changesFacts,
  METRICS_SETTINGS_KEY,
  parseMetricsSettings,
} from '../../core/metrics/metrics-settings.ts';
import type { Agent } from '../../core/model.ts';
import type { Store } from '../../core/ports/store.ts';
import {
  parseWidgetSettings,
  WIDGET_SETTINGS_KEY,
  type WidgetSettings,
} from '../../core/workspace/widget-settings.ts';
import type { AppContext } from '../context.ts';
import { workspaceMetricsSettings } from '../conversation-facts.ts';
import { authorNames } from '../ops/author-names.ts';

const requireAdmin = (actor: Agent): void => {
  if (!canManagePeople(actor))
    throw new DomainError('forbidden', 'Only an admin can change the workspace settings.');
};

export const widgetSettingsOf = async (store: Store, workspaceId: string): Promise<WidgetSettings> =>
  parseWidgetSettings((await store.settings.current(workspaceId, WIDGET_SETTINGS_KEY))?.value);

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? { ...value } : {};

export const settingsView = async (ctx: AppContext, actor: Agent): Promise<SettingsView> => {
  requireAdmin(actor);
  const { store } = ctx;
  const workspaceId = ctx.workspace.id;
  const [widget, metrics, names, widgetVersions, metricsVersions] = await Promise.all([
    widgetSettingsOf(store, workspaceId),
    workspaceMetricsSettings(store, workspaceId),
    authorNames(store, workspaceId),
    store.settings.list(workspaceId, WIDGET_SETTINGS_KEY),
    store.settings.list(workspaceId, METRICS_SETTINGS_KEY),
  ]);
  const history = [...widgetVersions, ...metricsVersions]
    // Newest first; one save's two versions share a time, and metrics is published second.
    .sort(
      (a, b) =>
        b.createdAt.getTime() - a.createdAt.getTime() ||
        Number(b.key === METRICS_SETTINGS_KEY) - Number(a.key === METRICS_SETTINGS_KEY),
    )
    .map((version) => ({
      setting: version.key,
      version: version.version,
      author: names(version.author),
      at: version.createdAt.toISOString(),
      note: version.note,
      value: asRecord(version.value),
    }));
  const { assumedResolutionHours, recontactDays, humanHourlyCost, aiCostPerConversation } = metrics;
  return {
    widget: { ...widget },
    counting: { assumedResolutionHours, recontactDays, humanHourlyCost, aiCostPerConversation },
    history,
  };
};

/** The metrics document with the page's fields changed and the rest (per-turn cost, baselines) kept. */
const nextMetricsDocument = async (
  store: Store,
  workspaceId: string,
  counting: SaveSettingsRequest['counting'],
) => {
  const saved = asRecord((await store.settings.current(workspaceId, METRICS_SETTINGS_KEY))?.value);
  const next = { ...saved, ...counting };
  const parsed = parseMetricsSettings(next);
  if (parsed.kind === 'invalid') {
    throw new DomainError('invalid_input', `Check the settings: ${parsed.problems.join('; ')}.`, {
      problems: parsed.problems,
    });
  }
  return {
    next,
    changed: JSON.stringify(parseMetricsSettings(saved)) !== JSON.stringify(parsed),
    recount: changesFacts(await workspaceMetricsSettings(store, workspaceId), parsed.settings),
  };
};

/**
 * Saves what changed as new versions (nothing when nothing changed); returns the page's view and
 * how many counted conversations the save queued to be counted again.
 */
export const saveSettings = async (
  ctx: AppContext,
  actor: Agent,
  request: SaveSettingsRequest,
): Promise<SavedSettings> => {
  requireAdmin(actor);
  const workspaceId = ctx.workspace.id;
  const metrics = await nextMetricsDocument(ctx.store, workspaceId, request.counting);
  const widgetChanged =
    JSON.stringify(await widgetSettingsOf(ctx.store, workspaceId)) !==
    JSON.stringify(parseWidgetSettings(request.widget));
  const base = { workspaceId, author: actor.id, note: request.note ?? null, at: ctx.now() };
  // Both documents were validated above, so the second save fails only if the database does.
  if (widgetChanged)
    await ctx.store.settings.publish({ ...base, key: WIDGET_SETTINGS_KEY, value: request.widget });
  // A new recontact window counts every conversation again, not only those written to from now on:
  // the marks commit with the setting, and the refresher (and the next report) derives them anew.
  const recounted = metrics.changed
    ? await ctx.store.transaction(async (tx) => {
        await tx.settings.publish({ ...base, key: METRICS_SETTINGS_KEY, value: metrics.next });
        return metrics.recount ? tx.metrics.markAllStale(workspaceId) : 0;
      })
    : 0;
  return { ...(await settingsView(ctx, actor)), recounted };
};
