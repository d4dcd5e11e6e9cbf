/**
 * The knowledge audit page (SPEC §8): the published articles checked for contradicting facts,
 * near-duplicates and reviews overdue, by the pure core; how long an article may go unreviewed is
 * a workspace setting ops and admins change.
 */
import type { KnowledgeAuditView } from '../../api/knowledge-audit-schemas.ts';
import { canEditKnowledge, canReview } from '../../core/auth/permissions.ts';
import {
  type AuditFinding,
  auditKnowledge,
  defaultAuditSettings,
} from '../../core/coaching/knowledge-audit/index.ts';
import { DomainError } from '../../core/errors.ts';
import type { Agent } from '../../core/model.ts';
import type { Store } from '../../core/ports/store.ts';
import type { AppContext } from '../context.ts';

export const KNOWLEDGE_AUDIT_SETTING = 'knowledge_audit';

const reviewEveryDaysOf = async (store: Store, workspaceId: string): Promise<number> => {
  const saved = (await store.settings.current(workspaceId, KNOWLEDGE_AUDIT_SETTING))?.value;
  const days =
    typeof saved === 'object' && saved !== null ? Reflect.get(saved, 'reviewEveryDays') : undefined;
  return typeof days === 'number' && Number.isInteger(days) && days >= 1
    ? days
    : defaultAuditSettings.reviewEveryDays;
};

const findingView = (finding: AuditFinding): KnowledgeAuditView['findings'][number] => {
  switch (finding.kind) {
    case 'contradiction':
      return {
        kind: finding.kind,
        articles: [...finding.articles],
        facts: finding.facts.map((f) => ({ ...f })),
      };
    case 'near_duplicate':
      return { kind: finding.kind, articles: [...finding.articles], similarity: finding.similarity };
    case 'stale':
      return {
        kind: finding.kind,
        article: finding.article,
        lastCheckedAt: finding.lastCheckedAt.toISOString(),
        daysSince: finding.daysSince,
      };
  }
};

export const knowledgeAuditView = async (ctx: AppContext, agent: Agent): Promise<KnowledgeAuditView> => {
  if (!canReview(agent))
    throw new DomainError('forbidden', 'The knowledge audit is for the qa, ops and admin roles.');
  const [records, reviewEveryDays] = await Promise.all([
    ctx.store.articles.records(agent.workspaceId),
    reviewEveryDaysOf(ctx.store, agent.workspaceId),
  ]);
  const published = records.filter((record) => record.published);
  const audit = auditKnowledge(published, ctx.now(), { ...defaultAuditSettings, reviewEveryDays });
  return {
    articles: audit.articles,
    reviewEveryDays,
    canChange: canEditKnowledge(agent),
    findings: audit.findings.map(findingView),
  };
};

/** Stores how many days an article may go unreviewed, as the setting's next version with who and why. */
export const saveKnowledgeAuditSettings = async (
  ctx: AppContext,
  agent: Agent,
  change: { readonly reviewEveryDays: number; readonly note?: string | undefined },
): Promise<KnowledgeAuditView> => {
  if (!canEditKnowledge(agent))
    throw new DomainError('forbidden', 'Only ops and admins change how often articles are reviewed.');
  await ctx.store.settings.publish({
    workspaceId: agent.workspaceId,
    key: KNOWLEDGE_AUDIT_SETTING,
    value: { reviewEveryDays: change.reviewEveryDays },
    author: agent.id,
    note: change.note?.trim() || null,
    at: ctx.now(),
  });
  return knowledgeAuditView(ctx, agent);
};
