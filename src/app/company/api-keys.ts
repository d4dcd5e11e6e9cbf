/**
 * API keys (SPEC §11, issue 10): admins create keys with scopes for the company's own systems, list
 * and revoke them. The secret is shown once and kept only as its SHA-256 (a 256-bit random token
 * needs no slow hash). A key acts through its own account, named "API key: <name>" with the ops role
 * (it sees every team's conversations); the scopes at the route gate bound what it may call.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  API_KEY_PREFIX,
  type ApiKey,
  type ApiKeyScope,
  isApiKeyToken,
  keyAccountName,
  LAST_USED_RESOLUTION_MS,
  shownPrefixOf,
} from '../../core/auth/api-key-scopes.ts';
import { canManagePeople } from '../../core/auth/permissions.ts';
import { DomainError } from '../../core/errors.ts';
import type { Agent } from '../../core/model.ts';
import type { Store } from '../../core/ports/store.ts';
import type { AppContext } from '../context.ts';

export const hashApiKey = (token: string): string => createHash('sha256').update(token).digest('hex');

const requireAdmin = (actor: Agent): void => {
  if (!canManagePeople(actor)) throw new DomainError('forbidden', 'Only an admin can manage API keys.');
};

export const listApiKeys = async (ctx: AppContext, actor: Agent): Promise<readonly ApiKey[]> => {
  requireAdmin(actor);
  return ctx.store.apiKeys.list(ctx.workspace.id);
};

/** Creates a key; the returned `secret` is the only time anyone sees it. */
export const createApiKey = async (
  ctx: AppContext,
  actor: Agent,
  input: { readonly name: string; readonly scopes: readonly ApiKeyScope[] },
): Promise<{ readonly key: ApiKey; readonly secret: string }> => {
  requireAdmin(actor);
  const scopes = [...new Set(input.scopes)];
  if (scopes.length === 0) {
    throw new DomainError('invalid_input', 'Pick at least one scope for the key.');
  }
  const secret = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const prefix = shownPrefixOf(secret);
  const key = await ctx.store.apiKeys.create({
    workspaceId: ctx.workspace.id,
    name: input.name,
    prefix,
    tokenHash: hashApiKey(secret),
    scopes,
    // Unique in the workspace and unreachable: `.invalid` never resolves, and the account has no password.
    accountEmail: `${randomBytes(9).toString('hex')}@api-keys.invalid`,
    accountName: keyAccountName(input.name),
    accountRole: 'ops',
    createdBy: actor.id,
    at: ctx.now(),
  });
  return { key, secret };
};

export const revokeApiKey = async (ctx: AppContext, actor: Agent, id: string): Promise<ApiKey> => {
  requireAdmin(actor);
  const key = await ctx.store.apiKeys.revoke(ctx.workspace.id, id, ctx.now());
  if (!key)
    throw new DomainError('not_found', `No API key ${id} in this workspace. Pick one from the key list.`);
  return key;
};

/** The key a bearer token names and the account it acts as; 401 codes when it is unknown or revoked. */
export const authenticateApiKey = async (
  store: Store,
  workspaceId: string,
  token: string,
  now: Date,
): Promise<{ readonly key: ApiKey; readonly agent: Agent }> => {
  if (!isApiKeyToken(token)) throw new DomainError('unauthenticated', 'That is not an API key.');
  const key = await store.apiKeys.getByTokenHash(hashApiKey(token));
  if (!key || key.workspaceId !== workspaceId) {
    throw new DomainError(
      'unauthenticated',
      'This API key is not valid. Check it, or create a new one in Settings.',
    );
  }
  if (key.revokedAt !== null) {
    throw new DomainError('unauthenticated', 'This API key was revoked. Create a new one in Settings.');
  }
  const agent = await store.agents.getById(key.agentId);
  if (!agent?.active) {
    throw new DomainError('unauthenticated', 'This API key was revoked. Create a new one in Settings.');
  }
  await store.apiKeys.markUsed(key.id, now, LAST_USED_RESOLUTION_MS);
  return { key, agent };
};
