/**
 * A workspace to replay into: the Acme demo company (teams, agents, knowledge, policy) in a given
 * store, with its live turn engine (category model trained in this thread, no account lookups) and
 * a replay desk over it. `baton replay` uses a throw-away store; `baton simulate` and the demo the
 * configured one.
 */
import { readFile } from 'node:fs/promises';
import { seedDemoCompany } from '../../demo/seed.ts';
import { inThreadCategoryTrainer } from '../adapters/turn/category-trainer.ts';
import type { ReplayDesk } from '../app/replay/replay-conversation.ts';
import { openReplayDesk } from '../app/replay/replay-desk.ts';
import type { Workspace } from '../core/model.ts';
import type { Store } from '../core/ports/store.ts';
import { loadPolicy } from '../core/triage/policy/load-policy.ts';
import { buildTurnEngine } from '../server/turn-engine-factory.ts';

export interface ReplayWorkspaceOptions {
  /** An escalation policy file (YAML or JSON) published over the demo's. */
  readonly policy?: string | undefined;
  /** A knowledge folder of Markdown articles instead of the demo's. */
  readonly kb?: string | undefined;
  readonly reportError?: (error: unknown, context: Record<string, unknown>) => void;
}

/** The demo workspace (created when missing) and a desk that replays into it. */
export const openReplayWorkspace = async (
  store: Store,
  options: ReplayWorkspaceOptions = {},
): Promise<{ readonly workspace: Workspace; readonly desk: ReplayDesk }> => {
  // Read the policy first: a broken file stops the run before anything is written.
  const policy = options.policy ? loadPolicy(await readFile(options.policy, 'utf8')) : null;
  const { workspace } = await seedDemoCompany(store, options.kb ? { knowledgeDir: options.kb } : {});
  if (policy) {
    await store.policies.publish({
      workspaceId: workspace.id,
      document: policy,
      author: 'system',
      note: `replay policy from ${options.policy}`,
    });
  }
  const reportError = options.reportError ?? (() => {});
  const turnEngine = buildTurnEngine(
    store,
    workspace,
    { integrations: [], secrets: {} },
    { trainer: inThreadCategoryTrainer, reportError },
  );
  await turnEngine.triage.load();
  return { workspace, desk: await openReplayDesk(store, workspace, turnEngine, reportError) };
};
