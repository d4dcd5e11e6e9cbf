/**
 * Outbound webhooks (issue 12): ops and admins register receivers for the desk's events, disable
 * or delete them, send a test event, and read the delivery log. The signing secret is generated
 * here, shown once, and stored sealed with a key derived from BATON_SECRET.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { sealSecret } from '../../adapters/crypto/secret-box.ts';
import type {
  RegisterWebhookRequest,
  WebhookDeliveryView,
  WebhookEndpointView,
} from '../../api/webhook-schemas.ts';
import { canManageWebhooks } from '../../core/auth/permissions.ts';
import { DomainError } from '../../core/errors.ts';
import type { Agent } from '../../core/model.ts';
import type { Store } from '../../core/ports/store.ts';
import type { WebhookDelivery, WebhookEndpoint } from '../../core/ports/webhooks.ts';
import { checkWebhookUrl } from '../../core/webhooks/destination.ts';
import { WEBHOOK_TEST_EVENT, webhookEventTypes } from '../../core/webhooks/event-types.ts';

/** Binds the sealed signing secret to its use: it opens for nothing else. */
export const WEBHOOK_SECRET_PURPOSE = 'webhook signing secret';

export interface WebhookAdminDeps {
  /** BATON_SECRET, which seals the signing secrets. */
  readonly secret: string;
  /** BATON_WEBHOOK_ALLOW_PRIVATE: receivers on loopback or private networks are allowed. */
  readonly allowPrivate: boolean;
}

const requireManager = (agent: Agent): void => {
  if (!canManageWebhooks(agent)) {
    throw new DomainError('forbidden', 'Only ops and admins manage webhooks.');
  }
};

export const endpointView = (endpoint: WebhookEndpoint): WebhookEndpointView => ({
  id: endpoint.id,
  url: endpoint.url,
  eventTypes: [...endpoint.eventTypes],
  description: endpoint.description,
  enabled: endpoint.enabled,
  createdAt: endpoint.createdAt.toISOString(),
});

export const deliveryView = (delivery: WebhookDelivery): WebhookDeliveryView => ({
  id: delivery.id,
  endpointId: delivery.endpointId,
  eventId: delivery.eventId,
  eventType: delivery.eventType,
  state: delivery.state,
  attempts: delivery.attempts,
  nextAttemptAt: delivery.nextAttemptAt?.toISOString() ?? null,
  lastStatus: delivery.lastStatus,
  lastError: delivery.lastError,
  createdAt: delivery.createdAt.toISOString(),
  finishedAt: delivery.finishedAt?.toISOString() ?? null,
  log: delivery.log.map((attempt) => ({
    attempt: attempt.attempt,
    startedAt: attempt.startedAt.toISOString(),
    statusCode: attempt.statusCode,
    latencyMs: attempt.latencyMs,
    error: attempt.error,
    nextAttemptAt: attempt.nextAttemptAt?.toISOString() ?? null,
  })),
});

export const listWebhooks = async (store: Store, agent: Agent) => {
  requireManager(agent);
  const endpoints = await store.webhooks.listEndpoints(agent.workspaceId);
  return { endpoints: endpoints.map(endpointView), eventTypes: [...webhookEventTypes] };
};

export const registerWebhook = async (
  store: Store,
  agent: Agent,
  input: RegisterWebhookRequest,
  deps: WebhookAdminDeps,
) => {
  requireManager(agent);
  const url = checkWebhookUrl(input.url, deps.allowPrivate);
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  const endpoint = await store.webhooks.createEndpoint({
    workspaceId: agent.workspaceId,
    url: url.href,
    eventTypes: [...new Set(input.eventTypes)],
    description: input.description === undefined || input.description === '' ? null : input.description,
    // Spread: the store keeps any JSON record; the sealed shape is checked again when opened.
    secret: { ...sealSecret(deps.secret, WEBHOOK_SECRET_PURPOSE, secret) },
    createdBy: agent.id,
  });
  return { endpoint: endpointView(endpoint), secret };
};

const notFound = (id: string) => new DomainError('not_found', `No webhook endpoint ${id} in this workspace.`);

export const setWebhookEnabled = async (store: Store, agent: Agent, id: string, enabled: boolean) => {
  requireManager(agent);
  const endpoint = await store.webhooks.setEnabled(agent.workspaceId, id, enabled);
  if (endpoint === null) throw notFound(id);
  return endpointView(endpoint);
};

export const deleteWebhook = async (store: Store, agent: Agent, id: string): Promise<void> => {
  requireManager(agent);
  if (!(await store.webhooks.deleteEndpoint(agent.workspaceId, id))) throw notFound(id);
};

/** Queues a `webhook_test` delivery to one endpoint, signed and retried like any other. */
export const sendTestEvent = async (store: Store, agent: Agent, id: string, now: Date) => {
  requireManager(agent);
  const body = JSON.stringify({
    id: randomUUID(),
    type: WEBHOOK_TEST_EVENT,
    workspaceId: agent.workspaceId,
    conversationId: null,
    at: now.toISOString(),
    actor: { kind: 'agent', id: agent.id },
    data: { note: 'A test delivery from Baton: if the signature verifies, the receiver is set up.' },
  });
  const delivery = await store.webhooks.enqueue(agent.workspaceId, id, {
    eventType: WEBHOOK_TEST_EVENT,
    body,
  });
  if (delivery === null) throw notFound(id);
  return deliveryView(delivery);
};

export const listWebhookDeliveries = async (
  store: Store,
  agent: Agent,
  filter: { readonly endpointId?: string | undefined; readonly limit: number },
) => {
  requireManager(agent);
  const deliveries = await store.webhooks.listDeliveries(agent.workspaceId, {
    limit: filter.limit,
    ...(filter.endpointId === undefined ? {} : { endpointId: filter.endpointId }),
  });
  return { deliveries: deliveries.map(deliveryView) };
};

/** Makes a queued or failed delivery due now; a delivered one, or one being sent, is a conflict. */
export const retryWebhookDelivery = async (store: Store, agent: Agent, id: string) => {
  requireManager(agent);
  const retried = await store.webhooks.retryNow(agent.workspaceId, id);
  if (retried !== null) return deliveryView(retried);
  const existing = await store.webhooks.getDelivery(agent.workspaceId, id);
  if (existing === null) throw new DomainError('not_found', `No webhook delivery ${id} in this workspace.`);
  throw new DomainError(
    'conflict',
    `This delivery is ${existing.state}: only queued or failed ones are retried.`,
  );
};
