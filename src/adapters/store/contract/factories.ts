/** Small builders for the contract suite: each test makes its own workspace, so tests never collide. */
import { randomUUID } from 'node:crypto';
import type { Actor, Agent, Conversation, Customer, Workspace } from '../../../core/model.ts';
import type { Store } from '../../../core/ports/store.ts';

export type StoreProvider = () => Store;

export const systemActor: Actor = { kind: 'system' };

export const buildWorkspace = (store: Store, name = 'Acme Support'): Promise<Workspace> =>
  store.workspaces.create({ slug: `acme-${randomUUID()}`, name });

export const buildCustomer = (
  store: Store,
  workspace: Workspace,
  fields: { externalId?: string | null; email?: string | null } = {},
): Promise<Customer> =>
  store.customers.create({
    workspaceId: workspace.id,
    name: 'Dana Customer',
    profile: { plan: 'pro' },
    ...fields,
  });

export const buildAgent = (
  store: Store,
  workspace: Workspace,
  fields: { email?: string; name?: string; teamKeys?: readonly string[] } = {},
): Promise<Agent> =>
  store.agents.create({
    workspaceId: workspace.id,
    email: fields.email ?? `agent-${randomUUID()}@example.com`,
    name: fields.name ?? 'Ari Agent',
    role: 'agent',
    passwordHash: 'scrypt$test',
    teamKeys: fields.teamKeys ?? ['billing'],
  });

export const buildConversation = async (
  store: Store,
  workspace: Workspace,
  fields: { customer?: Customer; subject?: string; at?: Date } = {},
): Promise<Conversation> => {
  const customer = fields.customer ?? (await buildCustomer(store, workspace));
  return store.conversations.create(
    { workspaceId: workspace.id, customerId: customer.id, subject: fields.subject ?? 'Where is my order?' },
    {
      type: 'conversation_started',
      actor: { kind: 'customer', id: customer.id },
      data: { channel: 'widget' },
      ...(fields.at ? { at: fields.at } : {}),
    },
  );
};

/** The `code` of a rejected DomainError, or what else was thrown. */
export const rejectionCode = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return typeof error === 'object' && error !== null && 'code' in error ? error.code : error;
  }
  return 'resolved';
};
