/** Everything the application's use cases need, built once by the composition root. */
import type { Workspace } from '../core/model.ts';
import type { Store } from '../core/ports/store.ts';
import type { TurnSlot } from './ai-turn-worker.ts';
import type { LiveBus } from './live-bus.ts';
import type { TurnEngine } from './turn-engine.ts';

export interface AppContext {
  readonly store: Store;
  readonly workspace: Workspace;
  readonly live: LiveBus;
  readonly turnEngine: TurnEngine;
  /**
   * The AI turn jobs of this process: `wake` when a customer message queued one here; `reserve` a
   * slot to lease the turn with the message itself (null when none is free).
   */
  readonly aiTurns: { wake(): void; idle(): Promise<void>; reserve(): TurnSlot | null };
  readonly now: () => Date;
  readonly limits: { readonly maxMessageChars: number };
  /** Reports failures of background work (AI turns) that no request is waiting for. */
  readonly reportError: (error: unknown, context: Record<string, unknown>) => void;
}
