/**
 * What an AI turn reads about its workspace — the published policy, the handoff wording, the
 * knowledge articles and the category model — kept in memory and reloaded only when the store
 * announces a change to it (issue 9: a turn never re-reads what did not change). The database
 * announces every committed change to every process sharing it (PostgreSQL NOTIFY; PGlite's
 * in-process listen), so a policy published through one process decides the next message on all.
 */

import type { CalibrationModels } from '../core/coaching/backtest/calibrated-evidence.ts';
import type { HandoffTemplatesOverride } from '../core/handoff/index.ts';
import type { Article } from '../core/model.ts';
import type { Store, WorkspaceChange } from '../core/ports/store.ts';
import {
  type CategoryModel,
  type CategoryModelInput,
  defaultPolicy,
  type EscalationPolicy,
  policyCategoryDefinitions,
  validatePolicy,
} from '../core/triage/index.ts';
import { cachedValue } from './cached-value.ts';
import { type CategoryTrainer, createCategoryModelCache } from './category-model-cache.ts';
import { calibratedModels, fitCalibrations } from './coaching/calibration-view.ts';
import { createLabelledHistory } from './labelled-history.ts';
import { currentTemplatesOverride, HANDOFF_TEMPLATES_KEY } from './ops/handoff-templates.ts';

export type { CategoryTrainer } from './category-model-cache.ts';

export interface WorkspaceTriage {
  readonly policy: EscalationPolicy;
  /** The store's number of the published version (1, 2, 3 …): what decisions cite. */
  readonly policyVersion: number;
  /** The document's own `version` label, shown beside the number. */
  readonly policyLabel: string;
  readonly categoryModel: CategoryModel;
  /** Ops' handoff wording override; the shipped wording without it. */
  readonly templates: HandoffTemplatesOverride | undefined;
  /** The calibrated categories' models: their thresholds apply to calibrated confidence (SPEC §8). */
  readonly calibration: CalibrationModels;
}

export interface WorkspaceTriageCache {
  load(): Promise<WorkspaceTriage>;
  /** The knowledge articles, the same copy the category model is trained on (the answerer's corpus). */
  articles(): Promise<readonly Article[]>;
  /** Resolves once the category model was trained, and calibration fitted, on the current inputs. */
  settled(): Promise<void>;
  /** Stops listening for changes (what is loaded stays, but is no longer kept current). */
  close(): void;
}

interface PublishedPolicy {
  readonly policy: EscalationPolicy;
  readonly version: number;
  readonly label: string;
  /** Changes exactly when the category definitions the model learns from change. */
  readonly definitionsKey: string;
}

const loadPolicy = async (store: Store, workspaceId: string): Promise<PublishedPolicy> => {
  const current =
    (await store.policies.current(workspaceId)) ??
    (await store.policies.publish({
      workspaceId,
      document: defaultPolicy(),
      author: 'system',
      note: 'Baton default policy',
    }));
  const validation = validatePolicy(current.document);
  // A stored version was validated when it was published; if a later Baton tightened the schema,
  // fall back to the default rather than stop answering customers.
  const policy = validation.kind === 'valid' ? validation.policy : defaultPolicy();
  return {
    policy,
    version: current.version,
    label:
      validation.kind === 'valid'
        ? policy.version
        : `${policy.version} (the built-in default: version ${current.version} no longer validates)`,
    definitionsKey: JSON.stringify(policyCategoryDefinitions(policy)),
  };
};

export const createWorkspaceTriage = (
  store: Store,
  workspaceId: string,
  options: {
    readonly trainer: CategoryTrainer;
    readonly reportError: (error: unknown, context: Record<string, unknown>) => void;
  },
): WorkspaceTriageCache => {
  const policy = cachedValue(() => loadPolicy(store, workspaceId));
  const templates = cachedValue(() => currentTemplatesOverride(store, workspaceId));
  const articles = cachedValue(() => store.articles.list(workspaceId));
  // Refitted when a policy is published (and after a missed change), not on every label: a threshold
  // suggestion is chosen on the calibration of its day, and the two go live together.
  const calibration = cachedValue(async () =>
    calibratedModels((await fitCalibrations(store, workspaceId)).categories),
  );
  const history = createLabelledHistory(store, workspaceId);

  const modelKey = (published: PublishedPolicy, articlesGeneration: number, historyGeneration: number) =>
    `${published.definitionsKey}|articles ${articlesGeneration}|history ${historyGeneration}`;
  const models = createCategoryModelCache(
    options.trainer,
    {
      key: async () => modelKey(await policy.get(), articles.generation, history.generation),
      async input() {
        // Generations are taken before reading, so a change during the read leaves the model stale.
        const [articlesGeneration, historyGeneration] = [articles.generation, history.generation];
        const [published, list, labelled] = await Promise.all([policy.get(), articles.get(), history.get()]);
        const input: CategoryModelInput = {
          categories: policyCategoryDefinitions(published.policy),
          articles: list.map((a) => ({ title: a.title, body: a.body, category: a.category, tags: a.tags })),
          ...(labelled.length > 0 ? { history: labelled } : {}),
        };
        return { key: modelKey(published, articlesGeneration, historyGeneration), input };
      },
    },
    options.reportError,
  );

  const onChange = (change: WorkspaceChange) => {
    if (change.kind === 'missed') {
      policy.invalidate();
      calibration.invalidate();
      templates.invalidate();
      articles.invalidate();
      history.reload();
      models.refreshSoon();
      return;
    }
    if (change.workspaceId !== workspaceId) return;
    if (change.kind === 'setting') {
      if (change.key === HANDOFF_TEMPLATES_KEY) templates.invalidate();
      return;
    }
    if (change.kind === 'policy') {
      policy.invalidate();
      calibration.invalidate();
    }
    if (change.kind === 'knowledge') articles.invalidate();
    if (change.kind === 'category_confirmed') history.confirmed(change.conversationId);
    models.refreshSoon();
  };

  // Nothing is kept before the feed listens: a change in between would go unnoticed. A failed
  // subscription fails this turn (the customer is handed to a person) and is tried again next turn.
  let listening: Promise<() => void> | null = null;
  let closed = false;
  const listen = () => {
    if (closed) throw new Error('These workspace caches were closed.');
    listening ??= store.changes.subscribe(onChange).catch((error: unknown) => {
      listening = null;
      throw error;
    });
    return listening;
  };

  return {
    async load() {
      await listen();
      const [published, override, calibrated] = await Promise.all([
        policy.get(),
        templates.get(),
        calibration.get(),
      ]);
      const categoryModel = await models.model(Object.keys(published.policy.categories));
      return {
        policy: published.policy,
        policyVersion: published.version,
        policyLabel: published.label,
        categoryModel,
        templates: override,
        calibration: calibrated,
      };
    },
    async articles() {
      await listen();
      return articles.get();
    },
    async settled() {
      await listen();
      await Promise.all([models.settled(), calibration.get()]);
    },
    close() {
      closed = true;
      models.stop();
      listening?.then((stop) => stop()).catch(() => {});
    },
  };
};
