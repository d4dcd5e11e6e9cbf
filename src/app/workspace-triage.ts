/**
 * The workspace's escalation policy and category model, read from the store: the current
 * published policy version (the default policy is published as version 1 on first use), and a
 * category model trained on the policy's example phrasings and the knowledge articles, rebuilt
 * when either changes.
 */
import type { Article } from '../core/model.ts';
import type { Store } from '../core/ports/store.ts';
import {
  type CategoryModel,
  defaultPolicy,
  type EscalationPolicy,
  type LabelledText,
  policyCategoryDefinitions,
  trainCategoryModel,
  validatePolicy,
} from '../core/triage/index.ts';

export interface WorkspaceTriage {
  readonly policy: EscalationPolicy;
  readonly policyVersion: number;
  readonly categoryModel: CategoryModel;
}

const articleFingerprint = (articles: readonly Article[]): string =>
  `${articles.length}:${Math.max(0, ...articles.map((a) => a.updatedAt.getTime()))}`;

export const createWorkspaceTriage = (store: Store, workspaceId: string) => {
  let cached: { key: string; value: WorkspaceTriage } | null = null;

  const currentPolicy = async (): Promise<{ policy: EscalationPolicy; version: number }> => {
    let current = await store.policies.current(workspaceId);
    if (!current) {
      current = await store.policies.publish({
        workspaceId,
        document: defaultPolicy(),
        author: 'system',
        note: 'Baton default policy',
      });
    }
    const validation = validatePolicy(current.document);
    // A stored version was validated when it was published; if a later Baton tightened the schema,
    // fall back to the default rather than stop answering customers.
    return validation.kind === 'valid'
      ? { policy: validation.policy, version: current.version }
      : { policy: defaultPolicy(), version: current.version };
  };

  /** Agents' confirmed categories, the latest per conversation: the workspace's labelled history. */
  const confirmedHistory = async (): Promise<{ history: LabelledText[]; fingerprint: string }> => {
    const events = await store.events.listByType(workspaceId, ['category_confirmed'], new Date(0));
    const latest = new Map<string, LabelledText>();
    for (const event of events) {
      const { category, text } = event.data;
      if (typeof category === 'string' && typeof text === 'string' && text.trim()) {
        latest.set(event.conversationId, { text, category });
      }
    }
    const last = events[events.length - 1];
    return { history: [...latest.values()], fingerprint: `${events.length}:${last?.at.getTime() ?? 0}` };
  };

  return {
    async load(): Promise<WorkspaceTriage> {
      const [{ policy, version }, articles, { history, fingerprint }] = await Promise.all([
        currentPolicy(),
        store.articles.list(workspaceId),
        confirmedHistory(),
      ]);
      const key = `${version}|${articleFingerprint(articles)}|${fingerprint}`;
      if (cached?.key === key) return cached.value;
      const categoryModel = trainCategoryModel({
        categories: policyCategoryDefinitions(policy),
        articles: articles.map((a) => ({ title: a.title, body: a.body, category: a.category, tags: a.tags })),
        ...(history.length > 0 ? { history } : {}),
      });
      cached = { key, value: { policy, policyVersion: version, categoryModel } };
      return cached.value;
    },
  };
};
