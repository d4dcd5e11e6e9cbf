/**
 * Sends outbound webhook deliveries from this process (issue 12): every poll interval (and when
 * woken by "send test event" or "retry now") it leases due deliveries, signs and sends each once,
 * and records the attempt with where the delivery goes next — delivered, retried after the core's
 * back-off, or failed. Several processes run this over one database; the lease keeps each attempt
 * with one of them.
 */
import type { SealedSecret } from '../adapters/crypto/secret-box.ts';
import { openSecret } from '../adapters/crypto/secret-box.ts';
import type { WebhookSender } from '../adapters/webhooks/http-sender.ts';
import { signWebhook } from '../adapters/webhooks/signature.ts';
import type { Store } from '../core/ports/store.ts';
import type { ClaimedDelivery, SealedWebhookSecret } from '../core/ports/webhooks.ts';
import {
  type AttemptResult,
  nextWebhookStep,
  type WebhookRetrySettings,
} from '../core/webhooks/retry-schedule.ts';
import { WEBHOOK_SECRET_PURPOSE } from './ops/webhooks.ts';
import { type PollingWorker, startPollingWorker } from './polling-worker.ts';

export interface WebhookWorkerSettings {
  /** Who holds the lease (a process id). */
  readonly owner: string;
  readonly pollMs: number;
  /** Longer than the timeout: a live sender finishes its attempt before anyone may take it over. */
  readonly leaseMs: number;
  /** Deliveries sent at once by this process. */
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly allowPrivate: boolean;
  readonly retry: WebhookRetrySettings;
  /** BATON_SECRET, which opens the sealed signing secrets. */
  readonly secret: string;
  readonly send: WebhookSender;
  readonly random: () => number;
}

export type WebhookWorker = PollingWorker;

interface WorkerContext {
  readonly store: Store;
  readonly workspaceId: string;
  readonly now: () => Date;
  readonly reportError: (error: unknown, context: Record<string, unknown>) => void;
}

const isSealed = (value: SealedWebhookSecret): value is SealedWebhookSecret & SealedSecret =>
  value.v === 1 &&
  typeof value.iv === 'string' &&
  typeof value.tag === 'string' &&
  typeof value.data === 'string';

const attemptOnce = async (
  delivery: ClaimedDelivery,
  settings: WebhookWorkerSettings,
  started: Date,
): Promise<AttemptResult> => {
  const secret = isSealed(delivery.secret)
    ? openSecret(settings.secret, WEBHOOK_SECRET_PURPOSE, delivery.secret)
    : null;
  if (secret === null) {
    return {
      kind: 'network_error',
      message: 'the signing secret cannot be opened (BATON_SECRET changed?): register the endpoint again',
    };
  }
  const timestamp = Math.floor(started.getTime() / 1000);
  return settings.send({
    url: delivery.url,
    body: delivery.body,
    timeoutMs: settings.timeoutMs,
    allowPrivate: settings.allowPrivate,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Baton-Webhooks/1',
      'baton-delivery-id': delivery.id,
      'baton-event-id': delivery.eventId ?? delivery.id,
      'baton-event-type': delivery.eventType,
      'baton-attempt': String(delivery.attempt),
      'baton-timestamp': String(timestamp),
      'baton-signature': signWebhook(secret, timestamp, delivery.body),
    },
  });
};

const errorOf = (result: AttemptResult): string | null => {
  if (result.kind === 'network_error') return result.message;
  return result.status >= 200 && result.status < 300 ? null : `HTTP ${result.status}`;
};

export const startWebhookWorker = (ctx: WorkerContext, settings: WebhookWorkerSettings): WebhookWorker => {
  const deliver = async (delivery: ClaimedDelivery) => {
    const started = ctx.now();
    const clockStart = performance.now();
    const result = await attemptOnce(delivery, settings, started);
    const latencyMs = performance.now() - clockStart;
    const step = nextWebhookStep(delivery.attempt, result, settings.retry, settings.random());
    const kept = await ctx.store.webhooks.finishAttempt({
      deliveryId: delivery.id,
      owner: settings.owner,
      attempt: delivery.attempt,
      startedAt: started,
      statusCode: result.kind === 'response' ? result.status : null,
      latencyMs,
      error: step.state === 'failed' ? step.why : errorOf(result),
      next: step.state === 'queued' ? { state: 'queued', retryInMs: step.retryInMs } : { state: step.state },
    });
    if (!kept)
      ctx.reportError(new Error(`lost the lease on webhook delivery ${delivery.id}`), { during: 'webhook' });
  };

  return startPollingWorker({
    pollMs: settings.pollMs,
    slots: () => settings.concurrency,
    claim: (limit) =>
      ctx.store.webhooks.claim({
        workspaceId: ctx.workspaceId,
        owner: settings.owner,
        limit,
        leaseMs: settings.leaseMs,
      }),
    run: async (delivery) => {
      await deliver(delivery).catch((error: unknown) =>
        ctx.reportError(error, { during: 'webhook', deliveryId: delivery.id }),
      );
      return false;
    },
    during: 'webhook',
    reportError: (error, during) => ctx.reportError(error, { during }),
  });
};
