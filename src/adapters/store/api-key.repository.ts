/** API keys (migration 0015): hashed secrets with scopes, each acting through its own account row. */
import { type ColumnType, type Selectable, sql } from 'kysely';
import { type ApiKey, apiKeyScopes } from '../../core/auth/api-key-scopes.ts';
import type { ApiKeyRepository } from '../../core/ports/store.ts';
import type { Db } from './database.ts';
import { oneOf } from './row-values.ts';

export interface ApiKeyTable {
  id: ColumnType<string, string | undefined, never>;
  workspace_id: string;
  agent_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  scopes: ColumnType<string[], readonly string[], readonly string[]>;
  created_by: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  last_used_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  revoked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

const toApiKey = (row: Selectable<ApiKeyTable>): ApiKey => ({
  id: row.id,
  workspaceId: row.workspace_id,
  agentId: row.agent_id,
  name: row.name,
  prefix: row.prefix,
  scopes: row.scopes.map((scope) => oneOf(apiKeyScopes, scope, 'API key scope')),
  createdBy: row.created_by,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
});

export const apiKeyRepository = (base: Db): ApiKeyRepository => {
  const db = base.withTables<{ api_keys: ApiKeyTable }>();
  return {
    async create(input) {
      // One statement: the key's account and the key exist together or not at all. The account can
      // never sign in (its password hash is no scrypt hash) and is never assigned (away, capacity 0).
      const created = await sql<Selectable<ApiKeyTable>>`
        WITH account AS (
          INSERT INTO agents (workspace_id, email, name, role, password_hash, team_keys, status, capacity)
          VALUES (${input.workspaceId}, ${input.accountEmail}, ${input.accountName}, ${input.accountRole},
                  'api-key', '{}', 'away', 0)
          RETURNING id
        )
        INSERT INTO api_keys (workspace_id, agent_id, name, prefix, token_hash, scopes, created_by, created_at)
        SELECT ${input.workspaceId}, account.id, ${input.name}, ${input.prefix}, ${input.tokenHash},
               ${sql.val([...input.scopes])}::text[], ${input.createdBy}, ${input.at}
        FROM account
        RETURNING *`.execute(db);
      const [row] = created.rows;
      if (row === undefined) throw new Error('creating an API key returned no row');
      return toApiKey(row);
    },

    async getByTokenHash(tokenHash) {
      const row = await db
        .selectFrom('api_keys')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row === undefined ? null : toApiKey(row);
    },

    async list(workspaceId) {
      const rows = await db
        .selectFrom('api_keys')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(toApiKey);
    },

    async revoke(workspaceId, id, at) {
      // The key and its account close together: the account is deactivated like a departed person's.
      const revoked = await sql<Selectable<ApiKeyTable>>`
        WITH key AS (
          UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ${at})
          WHERE workspace_id = ${workspaceId} AND id::text = ${id}
          RETURNING *
        ), account AS (
          UPDATE agents SET deactivated_at = COALESCE(deactivated_at, ${at})
          WHERE id IN (SELECT agent_id FROM key)
        )
        SELECT * FROM key`.execute(db);
      const [row] = revoked.rows;
      return row === undefined ? null : toApiKey(row);
    },

    async markUsed(id, at, resolutionMs) {
      const before = new Date(at.getTime() - resolutionMs);
      await db
        .updateTable('api_keys')
        .set({ last_used_at: at })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', before)]))
        .execute();
    },
  };
};
