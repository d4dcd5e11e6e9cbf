/** Every migration, in the order they apply. Append new ones; never edit or reorder applied ones. */
import type { QueryExecutorProvider } from 'kysely';
import * as initialSchema from './0001-initial-schema.ts';
import * as workspaceSettings from './0002-workspace-settings.ts';
import * as conversationFacts from './0030-conversation-facts.ts';

export interface Migration {
  readonly name: string;
  /** Receives the migration transaction; migrations use plain SQL, independent of today's table types. */
  up(db: QueryExecutorProvider): Promise<void>;
}

export const migrations: readonly Migration[] = [initialSchema, workspaceSettings, conversationFacts];
