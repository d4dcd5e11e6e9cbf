/**
 * The demo's past: three weeks of simulated Acme traffic replayed through the store and the live
 * turn engine when the demo company is created, so the analytics page opens on real numbers.
 */
import type { AppContext } from '../src/app/context.ts';
import { openReplayDesk } from '../src/app/replay/replay-desk.ts';
import { replayHistory } from '../src/app/replay/replay-history.ts';
import type { TurnEngine } from '../src/app/turn-engine.ts';
import type { Workspace } from '../src/core/model.ts';
import type { Store } from '../src/core/ports/store.ts';
import { historyStart, simulateHistory } from '../src/core/simulation/simulate-history.ts';

/** About 190 conversations: enough for every chart to have a shape, quick enough to load in the background. */
export const DEMO_HISTORY = { days: 21, perDay: 10, seed: 2026 } as const;

/** Replays the demo's history into its workspace; returns how many conversations were stored. */
export const loadDemoHistory = async (
  store: Store,
  workspace: Workspace,
  turnEngine: TurnEngine,
  now: Date,
  reportError: AppContext['reportError'],
): Promise<number> => {
  const desk = await openReplayDesk(store, workspace, turnEngine, reportError);
  const { days, perDay, seed } = DEMO_HISTORY;
  return replayHistory(desk, simulateHistory({ start: historyStart(now, days), days, perDay, seed }));
};
