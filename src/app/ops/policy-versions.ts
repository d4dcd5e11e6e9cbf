/**
 * Any published policy version, the difference between two, and rolling back: a rollback
 * publishes a new version whose document equals the earlier one, with who did it and why, and
 * records which version it restores (the audit trail keeps every step; nothing is rewritten).
 */
import { structuredPatch } from 'diff';
import type { PolicyDiffHunk, PolicyDiffResponse, PolicyView } from '../../api/ops-schemas.ts';
import { canChangePolicy } from '../../core/auth/permissions.ts';
import { DomainError } from '../../core/errors.ts';
import type { Agent } from '../../core/model.ts';
import type { PolicyVersion, Store } from '../../core/ports/store.ts';
import { describePolicyProblems, validatePolicy } from '../../core/triage/policy/index.ts';
import { authorNames } from './author-names.ts';
import { toPolicyView } from './policy-admin.ts';
import { policyYaml } from './policy-text.ts';

const CONTEXT_LINES = 3;

const versionOrThrow = async (store: Store, workspaceId: string, version: number): Promise<PolicyVersion> => {
  const found = await store.policies.get(workspaceId, version);
  if (found === null) {
    throw new DomainError(
      'not_found',
      `There is no policy version ${version}. Pick one from the history (GET /api/ops/policy/versions).`,
    );
  }
  return found;
};

/** One published version, as the ops console shows it. */
export const policyVersionView = async (store: Store, agent: Agent, version: number): Promise<PolicyView> => {
  const [found, current, names] = await Promise.all([
    versionOrThrow(store, agent.workspaceId, version),
    store.policies.current(agent.workspaceId),
    authorNames(store, agent.workspaceId),
  ]);
  return toPolicyView(found, names(found.author), agent, current?.version === found.version);
};

/** Turns the diff library's patch lines (`+`, `-`, ` `) into numbered lines. */
const toHunk = (hunk: { oldStart: number; newStart: number; lines: readonly string[] }): PolicyDiffHunk => {
  let fromLine = hunk.oldStart;
  let toLine = hunk.newStart;
  const lines: PolicyDiffHunk['lines'] = [];
  for (const line of hunk.lines) {
    const text = line.slice(1);
    if (line.startsWith('+')) lines.push({ kind: 'added', text, fromLine: null, toLine: toLine++ });
    else if (line.startsWith('-')) lines.push({ kind: 'removed', text, fromLine: fromLine++, toLine: null });
    else if (line.startsWith(' ')) lines.push({ kind: 'same', text, fromLine: fromLine++, toLine: toLine++ });
    // `\ No newline at end of file` markers say nothing an ops person needs.
  }
  return { fromStart: hunk.oldStart, toStart: hunk.newStart, lines };
};

/** What changed between two versions, line by line in the YAML ops edit. */
export const policyDiff = async (
  store: Store,
  workspaceId: string,
  from: number,
  to: number,
): Promise<PolicyDiffResponse> => {
  const [older, newer] = await Promise.all([
    versionOrThrow(store, workspaceId, from),
    versionOrThrow(store, workspaceId, to),
  ]);
  const patch = structuredPatch(
    `v${from}`,
    `v${to}`,
    policyYaml(older.document),
    policyYaml(newer.document),
    '',
    '',
    { context: CONTEXT_LINES },
  );
  return { from, to, identical: patch.hunks.length === 0, hunks: patch.hunks.map(toHunk) };
};

/** Publishes an earlier version's document again as the next version, with the agent as author and the why as note. */
export const rollbackPolicy = async (
  store: Store,
  agent: Agent,
  change: { readonly version: number; readonly note: string },
  now: Date,
): Promise<PolicyView> => {
  if (!canChangePolicy(agent)) {
    throw new DomainError('forbidden', 'Only ops and admins can roll the escalation policy back.');
  }
  const [target, current] = await Promise.all([
    versionOrThrow(store, agent.workspaceId, change.version),
    store.policies.current(agent.workspaceId),
  ]);
  if (current?.version === target.version) {
    throw new DomainError(
      'invalid_input',
      `Version ${target.version} is already the current policy; pick an earlier version to roll back to.`,
    );
  }
  // The schema may have grown stricter since that version was published: refuse rather than
  // publish a document the AI would have to ignore.
  const validation = validatePolicy(target.document);
  if (validation.kind === 'invalid') {
    throw new DomainError(
      'policy_invalid',
      `Version ${target.version} no longer passes validation; fix it in the editor instead:\n${describePolicyProblems(validation.problems)}`,
      validation.problems,
    );
  }
  const published = await store.policies.publish({
    workspaceId: agent.workspaceId,
    document: target.document,
    author: agent.id,
    note: change.note,
    at: now,
    restoredFrom: target.version,
  });
  return toPolicyView(published, agent.name, agent);
};
