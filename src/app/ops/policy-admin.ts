/**
 * Escalation policy upkeep (SPEC §5): the current version for editing, its audit trail, and
 * publishing a new version — validated first, stored only when valid, with who and why.
 */
import type { PolicyVersionEntry, PolicyView } from '../../api/ops-schemas.ts';
import { canChangePolicy } from '../../core/auth/permissions.ts';
import { DomainError } from '../../core/errors.ts';
import type { Agent } from '../../core/model.ts';
import type { PolicyVersion, Store } from '../../core/ports/store.ts';
import {
  checkPolicyText,
  defaultPolicy,
  describePolicyProblems,
  type PolicyValidation,
} from '../../core/triage/policy/index.ts';
import { authorNames } from './author-names.ts';
import { policyYaml } from './policy-text.ts';

const textField = (document: unknown, field: string): string => {
  const value = typeof document === 'object' && document !== null ? Reflect.get(document, field) : undefined;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};

const asRecord = (document: unknown): Record<string, unknown> =>
  typeof document === 'object' && document !== null && !Array.isArray(document) ? { ...document } : {};

/** A published version (or the built-in default before any) as the ops console shows it. */
export const toPolicyView = (
  version: PolicyVersion | null,
  authorName: string,
  agent: Agent,
  current = true,
): PolicyView => {
  const document = version?.document ?? defaultPolicy();
  return {
    version: version?.version ?? 0,
    label: textField(document, 'version'),
    name: textField(document, 'name'),
    yaml: policyYaml(document),
    document: asRecord(document),
    author: version?.author ?? 'system',
    authorName,
    note: version?.note ?? 'Baton default policy (not published yet)',
    createdAt: version?.createdAt.toISOString() ?? null,
    restoredFrom: version?.restoredFrom ?? null,
    current,
    canChange: canChangePolicy(agent),
  };
};

/** The workspace's current policy as the ops console shows it; the built-in default before any publish. */
export const currentPolicyView = async (store: Store, agent: Agent): Promise<PolicyView> => {
  const [current, names] = await Promise.all([
    store.policies.current(agent.workspaceId),
    authorNames(store, agent.workspaceId),
  ]);
  return toPolicyView(current, names(current?.author ?? 'system'), agent);
};

/** Every published version, newest first: who, when, why. */
export const policyHistory = async (store: Store, workspaceId: string): Promise<PolicyVersionEntry[]> => {
  const [versions, names] = await Promise.all([
    store.policies.list(workspaceId),
    authorNames(store, workspaceId),
  ]);
  return versions.map((version) => ({
    version: version.version,
    label: textField(version.document, 'version'),
    author: version.author,
    authorName: names(version.author),
    note: version.note,
    createdAt: version.createdAt.toISOString(),
    restoredFrom: version.restoredFrom ?? null,
  }));
};

/** Checks policy text without storing anything (YAML errors and every schema problem with its path). */
export const checkPolicy = (yaml: string): PolicyValidation => checkPolicyText(yaml);

/** Publishes the policy text as the next version with the agent as author; refuses invalid text. */
export const publishPolicy = async (
  store: Store,
  agent: Agent,
  change: { readonly yaml: string; readonly note: string; readonly basedOnVersion?: number | undefined },
  now: Date,
): Promise<PolicyView> => {
  if (!canChangePolicy(agent)) {
    throw new DomainError('forbidden', 'Only ops and admins can change the escalation policy.');
  }
  const checked = checkPolicyText(change.yaml);
  if (checked.kind === 'invalid') {
    throw new DomainError(
      'policy_invalid',
      `The policy was not saved; fix these first:\n${describePolicyProblems(checked.problems)}`,
      checked.problems,
    );
  }
  const published = await store.policies.publish({
    workspaceId: agent.workspaceId,
    document: checked.policy,
    author: agent.id,
    note: change.note,
    at: now,
    ...(change.basedOnVersion === undefined ? {} : { ifCurrent: change.basedOnVersion }),
  });
  return toPolicyView(published, agent.name, agent);
};
