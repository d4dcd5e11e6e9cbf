/**
 * The workspace's one policy draft (issue 14 item 6). Accepting a threshold suggestion stores the
 * current policy with the suggested threshold here, with who, why and the suggestion's backtest;
 * nothing changes for customers until ops publish it through the versioned policy path (who, why,
 * diff, rollback) or discard it. One draft per workspace: a new accept replaces it and says so.
 * Kept as a versioned workspace setting, so every draft made, published or discarded stays in the
 * setting's history.
 */

import type { PolicyView } from '../../api/ops-schemas.ts';
import {
  type AcceptSuggestionResponse,
  type PolicyDraftResponse,
  type PolicyDraftView,
  policyDraftSchema,
} from '../../api/policy-draft-schemas.ts';
import { canChangePolicy, canReview } from '../../core/auth/permissions.ts';
import { DomainError } from '../../core/errors.ts';
import type { Agent } from '../../core/model.ts';
import type { Store } from '../../core/ports/store.ts';
import { publishPolicy } from './policy-admin.ts';

export const POLICY_DRAFT_SETTING = 'policy_draft';

/** What is stored: the view without its number, which is the setting's version. */
const storedDraftSchema = policyDraftSchema.omit({ draft: true });
export type PolicyDraftContent = Omit<PolicyDraftView, 'draft' | 'by' | 'byName' | 'createdAt'>;

/** The current draft; null before any, and after one is published or discarded (stored as null). */
export const currentPolicyDraft = async (
  store: Store,
  workspaceId: string,
): Promise<PolicyDraftView | null> => {
  const saved = await store.settings.current(workspaceId, POLICY_DRAFT_SETTING);
  if (saved === null || saved.value === null) return null;
  const parsed = storedDraftSchema.safeParse(saved.value);
  return parsed.success ? { ...parsed.data, draft: saved.version } : null;
};

export const policyDraftView = async (store: Store, agent: Agent): Promise<PolicyDraftResponse> => {
  if (!canReview(agent))
    throw new DomainError('forbidden', 'The policy draft is for the qa, ops and admin roles.');
  return { draft: await currentPolicyDraft(store, agent.workspaceId), canChange: canChangePolicy(agent) };
};

const mustChange = (agent: Agent, what: string) => {
  if (!canChangePolicy(agent)) throw new DomainError('forbidden', `Only ops and admins can ${what}.`);
};

/** Stores the draft (replacing any earlier one) and answers with it and what it replaced. */
export const savePolicyDraft = async (
  store: Store,
  agent: Agent,
  content: PolicyDraftContent,
  at: Date,
): Promise<AcceptSuggestionResponse> => {
  mustChange(agent, 'accept a threshold suggestion');
  const earlier = await currentPolicyDraft(store, agent.workspaceId);
  const stored = { ...content, by: agent.id, byName: agent.name, createdAt: at.toISOString() };
  const saved = await store.settings.publish({
    workspaceId: agent.workspaceId,
    key: POLICY_DRAFT_SETTING,
    value: stored,
    author: agent.id,
    note: `Draft from threshold suggestion: ${content.category} ${content.fromThreshold} → ${content.toThreshold}`,
    at,
  });
  return {
    draft: { ...stored, draft: saved.version },
    replaced: earlier && {
      draft: earlier.draft,
      category: earlier.category,
      toThreshold: earlier.toThreshold,
      byName: earlier.byName,
    },
  };
};

/** The current draft, if it is the one the person saw; otherwise a message that says what to do. */
const draftOrThrow = async (store: Store, agent: Agent, draft: number): Promise<PolicyDraftView> => {
  const current = await currentPolicyDraft(store, agent.workspaceId);
  if (current === null)
    throw new DomainError(
      'not_found',
      'There is no policy draft any more (it was published or discarded); reload the ops console.',
    );
  if (current.draft !== draft)
    throw new DomainError(
      'conflict',
      `Draft ${draft} was replaced by draft ${current.draft} (${current.category} → ${current.toThreshold}, by ${current.byName}); look at it and try again.`,
    );
  return current;
};

/** Clears the draft the person acted on; `conflict` if another draft or clear came first. */
const clearDraft = (store: Store, agent: Agent, draft: number, note: string, at: Date) =>
  store.settings.publish({
    workspaceId: agent.workspaceId,
    key: POLICY_DRAFT_SETTING,
    value: null,
    author: agent.id,
    note,
    at,
    ifCurrent: draft,
  });

/**
 * Publishes the draft as the next policy version with its note. Refused when another version was
 * published after the draft was made from one: the draft would silently undo that change. The
 * version and the cleared draft commit together, each compare-and-set, so of two people publishing
 * (or one publishing while another discards) exactly one wins and nothing is left half-way.
 */
export const publishPolicyDraft = async (
  store: Store,
  agent: Agent,
  draft: number,
  at: Date,
): Promise<PolicyView> => {
  mustChange(agent, 'publish a policy draft');
  const found = await draftOrThrow(store, agent, draft);
  const current = (await store.policies.current(agent.workspaceId))?.version ?? 0;
  if (current !== found.basedOnVersion)
    throw new DomainError(
      'conflict',
      `Policy version ${current} was published after this draft was made from version ${found.basedOnVersion}; discard the draft and accept the suggestion again.`,
    );
  return store.transaction(async (tx) => {
    const published = await publishPolicy(
      tx,
      agent,
      { yaml: found.yaml, note: found.note, basedOnVersion: found.basedOnVersion },
      at,
    );
    await clearDraft(tx, agent, found.draft, `Published as policy version ${published.version}`, at);
    return published;
  });
};

/** Discards the draft; the published policy is untouched. */
export const discardPolicyDraft = async (
  store: Store,
  agent: Agent,
  draft: number,
  at: Date,
): Promise<PolicyDraftResponse> => {
  mustChange(agent, 'discard a policy draft');
  const found = await draftOrThrow(store, agent, draft);
  await clearDraft(store, agent, found.draft, `Discarded draft ${found.draft}`, at);
  return { draft: null, canChange: true };
};
