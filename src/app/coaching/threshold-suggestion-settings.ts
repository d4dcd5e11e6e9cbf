/**
 * What ops set for threshold suggestions, per workspace (one versioned setting): the target
 * precision the suggestions aim for, and the suggestions dismissed with who and why.
 */
import {
  defaultSuggestionSettings,
  type SuggestionDismissal,
} from '../../core/coaching/threshold-suggestions/index.ts';
import type { Store } from '../../core/ports/store.ts';

export const THRESHOLD_SUGGESTIONS_SETTING = 'threshold_suggestions';

export interface ThresholdSuggestionSettings {
  readonly targetPrecision: number;
  readonly dismissals: readonly SuggestionDismissal[];
}

const field = (value: unknown, name: string): unknown =>
  typeof value === 'object' && value !== null ? Reflect.get(value, name) : undefined;

const dismissalOf = (value: unknown): SuggestionDismissal | null => {
  const [category, evidence, by, why, at] = ['category', 'evidence', 'by', 'why', 'at'].map((name) =>
    field(value, name),
  );
  return typeof category === 'string' &&
    typeof evidence === 'string' &&
    typeof by === 'string' &&
    typeof why === 'string' &&
    typeof at === 'string'
    ? { category, evidence, by, why, at }
    : null;
};

export const readSuggestionSettings = async (
  store: Store,
  workspaceId: string,
): Promise<ThresholdSuggestionSettings> => {
  const value = (await store.settings.current(workspaceId, THRESHOLD_SUGGESTIONS_SETTING))?.value;
  const target = field(value, 'targetPrecision');
  const dismissals = field(value, 'dismissals');
  return {
    targetPrecision:
      typeof target === 'number' && target >= 0.5 && target <= 0.99
        ? target
        : defaultSuggestionSettings.targetPrecision,
    dismissals: Array.isArray(dismissals)
      ? dismissals.map(dismissalOf).filter((d): d is SuggestionDismissal => d !== null)
      : [],
  };
};

export const saveSuggestionSettings = async (
  store: Store,
  change: { workspaceId: string; author: string; note: string; at: Date },
  settings: ThresholdSuggestionSettings,
): Promise<void> => {
  await store.settings.publish({
    workspaceId: change.workspaceId,
    key: THRESHOLD_SUGGESTIONS_SETTING,
    value: { targetPrecision: settings.targetPrecision, dismissals: settings.dismissals },
    author: change.author,
    note: change.note,
    at: change.at,
  });
};
