/** Contract: API keys — hashed secrets with scopes, each with its own account, revoked with it. */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ApiKeyScope } from '../../../core/auth/api-key-scopes.ts';
import type { Store } from '../../../core/ports/store.ts';
import { buildAgent, buildWorkspace, type StoreProvider } from './factories.ts';

const newKey = async (
  store: Store,
  workspaceId: string,
  fields: { name?: string; scopes?: readonly ApiKeyScope[]; createdBy?: string | null; at?: Date } = {},
) => {
  const secret = randomUUID();
  const created = await store.apiKeys.create({
    workspaceId,
    name: fields.name ?? 'Order sync',
    prefix: `baton_key_${secret.slice(0, 8)}`,
    tokenHash: `hash-${secret}`,
    scopes: fields.scopes ?? ['conversations:read'],
    accountEmail: `key-${secret}@api-keys.invalid`,
    accountName: `API key: ${fields.name ?? 'Order sync'}`,
    accountRole: 'admin',
    createdBy: fields.createdBy ?? null,
    at: fields.at ?? new Date('2026-03-02T09:00:00Z'),
  });
  return { ...created, tokenHashForTest: `hash-${secret}` };
};

export const apiKeysContract = (store: StoreProvider): void => {
  describe('API keys', () => {
    it('creates a key with its scopes and an account named after it, found again by its hash', async () => {
      const workspace = await buildWorkspace(store());
      const admin = await buildAgent(store(), workspace);
      const key = await newKey(store(), workspace.id, {
        scopes: ['conversations:write', 'metrics:read'],
        createdBy: admin.id,
      });
      expect(key).toMatchObject({
        workspaceId: workspace.id,
        name: 'Order sync',
        scopes: ['conversations:write', 'metrics:read'],
        createdBy: admin.id,
        createdAt: new Date('2026-03-02T09:00:00Z'),
        lastUsedAt: null,
        revokedAt: null,
      });
      const account = await store().agents.getById(key.agentId);
      expect(account).toMatchObject({
        name: 'API key: Order sync',
        status: 'away',
        capacity: 0,
        active: true,
      });
      expect(await store().apiKeys.getByTokenHash(key.tokenHashForTest)).toEqual(
        await store()
          .apiKeys.list(workspace.id)
          .then((keys) => keys[0]),
      );
      expect(await store().apiKeys.getByTokenHash('hash-of-no-key')).toBeNull();
    });

    it('lists keys newest first, only the workspace’s own, and keeps key accounts out of the people list', async () => {
      const workspace = await buildWorkspace(store());
      const other = await buildWorkspace(store());
      const person = await buildAgent(store(), workspace);
      const first = await newKey(store(), workspace.id, {
        name: 'First',
        at: new Date('2026-03-01T00:00:00Z'),
      });
      const second = await newKey(store(), workspace.id, {
        name: 'Second',
        at: new Date('2026-03-02T00:00:00Z'),
      });
      await newKey(store(), other.id, { name: 'Elsewhere' });
      expect((await store().apiKeys.list(workspace.id)).map((k) => k.id)).toEqual([second.id, first.id]);
      expect((await store().agents.list(workspace.id)).map((a) => a.id)).toEqual([person.id]);
    });

    it('revokes a key and deactivates its account, keeping the first revocation time', async () => {
      const workspace = await buildWorkspace(store());
      const key = await newKey(store(), workspace.id);
      const at = new Date('2026-03-03T10:00:00Z');
      expect((await store().apiKeys.revoke(workspace.id, key.id, at))?.revokedAt).toEqual(at);
      const again = await store().apiKeys.revoke(workspace.id, key.id, new Date('2026-03-04T10:00:00Z'));
      expect(again?.revokedAt).toEqual(at);
      expect((await store().agents.getById(key.agentId))?.active).toBe(false);
    });

    it('revokes nothing in another workspace or for an id that is not a key', async () => {
      const workspace = await buildWorkspace(store());
      const other = await buildWorkspace(store());
      const key = await newKey(store(), workspace.id);
      expect(await store().apiKeys.revoke(other.id, key.id, new Date())).toBeNull();
      expect(await store().apiKeys.revoke(workspace.id, 'not-a-uuid', new Date())).toBeNull();
      expect(await store().apiKeys.revoke(workspace.id, randomUUID(), new Date())).toBeNull();
      expect((await store().apiKeys.list(workspace.id))[0]?.revokedAt).toBeNull();
    });

    it('stamps the last use, but not again within the resolution', async () => {
      const workspace = await buildWorkspace(store());
      const key = await newKey(store(), workspace.id);
      const t0 = new Date('2026-03-05T10:00:00Z');
      await store().apiKeys.markUsed(key.id, t0, 60_000);
      await store().apiKeys.markUsed(key.id, new Date(t0.getTime() + 30_000), 60_000);
      expect((await store().apiKeys.list(workspace.id))[0]?.lastUsedAt).toEqual(t0);
      const later = new Date(t0.getTime() + 90_000);
      await store().apiKeys.markUsed(key.id, later, 60_000);
      expect((await store().apiKeys.list(workspace.id))[0]?.lastUsedAt).toEqual(later);
    });
  });
};
