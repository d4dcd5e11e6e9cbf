/**
 * Outbound webhooks in the store (issue 12): endpoints, deliveries queued with their events (by the
 * database, in the event's transaction), and a job table leased with FOR UPDATE SKIP LOCKED so two
 * processes never send the same attempt. One contract suite
 * (src/adapters/store/contract/webhooks.contract.ts) runs on PGlite and on PostgreSQL.
 */

/** A signing secret as the store keeps it: sealed, opened only by the sender. */
export type SealedWebhookSecret = Readonly<Record<string, unknown>>;

export interface WebhookEndpoint {
  readonly id: string;
  readonly workspaceId: string;
  readonly url: string;
  readonly eventTypes: readonly string[];
  readonly description: string | null;
  readonly enabled: boolean;
  readonly createdBy: string | null;
  readonly createdAt: Date;
}

export type WebhookDeliveryState = 'queued' | 'running' | 'delivered' | 'failed';

export interface WebhookAttempt {
  readonly attempt: number;
  readonly startedAt: Date;
  /** The receiver's HTTP status; null when no response came (network error, timeout, refused address). */
  readonly statusCode: number | null;
  readonly latencyMs: number;
  readonly error: string | null;
  /** When the next attempt is due; null when this one was the last. */
  readonly nextAttemptAt: Date | null;
}

export interface WebhookDelivery {
  readonly id: string;
  readonly endpointId: string;
  readonly eventId: string | null;
  readonly eventType: string;
  readonly state: WebhookDeliveryState;
  readonly attempts: number;
  readonly nextAttemptAt: Date | null;
  readonly lastStatus: number | null;
  readonly lastError: string | null;
  readonly createdAt: Date;
  readonly finishedAt: Date | null;
  /** Every attempt, oldest first. */
  readonly log: readonly WebhookAttempt[];
}

/** A delivery leased to one sender, with what it needs to send it. */
export interface ClaimedDelivery {
  readonly id: string;
  /** 1 on the first try; counts every attempt, "retry now" included. */
  readonly attempt: number;
  readonly eventId: string | null;
  readonly eventType: string;
  readonly body: string;
  readonly url: string;
  readonly secret: SealedWebhookSecret;
}

/** How one attempt ended, and what the delivery becomes (decided by the core's retry schedule). */
export interface AttemptRecord {
  readonly deliveryId: string;
  readonly owner: string;
  readonly attempt: number;
  readonly startedAt: Date;
  readonly statusCode: number | null;
  readonly latencyMs: number;
  readonly error: string | null;
  readonly next:
    | { readonly state: 'delivered' }
    | { readonly state: 'failed' }
    | { readonly state: 'queued'; readonly retryInMs: number };
}

export interface WebhookRepository {
  createEndpoint(input: {
    readonly workspaceId: string;
    readonly url: string;
    readonly eventTypes: readonly string[];
    readonly description: string | null;
    readonly secret: SealedWebhookSecret;
    readonly createdBy: string | null;
  }): Promise<WebhookEndpoint>;
  listEndpoints(workspaceId: string): Promise<WebhookEndpoint[]>;
  /** Null when the workspace has no such endpoint. A disabled endpoint gets no new deliveries. */
  setEnabled(workspaceId: string, endpointId: string, enabled: boolean): Promise<WebhookEndpoint | null>;
  /** Deletes the endpoint and its deliveries; false when there was none. */
  deleteEndpoint(workspaceId: string, endpointId: string): Promise<boolean>;
  /** Queues a delivery of `body` to one endpoint (the "send test event" button); null when no such endpoint. */
  enqueue(
    workspaceId: string,
    endpointId: string,
    delivery: { readonly eventType: string; readonly body: string },
  ): Promise<WebhookDelivery | null>;
  /**
   * Leases up to `limit` due deliveries of enabled endpoints (queued and due, or running with an
   * expired lease) to `owner`, counting the attempt; deliveries another sender holds are skipped.
   */
  claim(request: {
    readonly workspaceId: string;
    readonly owner: string;
    readonly limit: number;
    readonly leaseMs: number;
  }): Promise<ClaimedDelivery[]>;
  /** Records the attempt and moves the delivery on; false when `owner` no longer held the lease. */
  finishAttempt(record: AttemptRecord): Promise<boolean>;
  /** The workspace's latest deliveries, newest first, with their attempts. */
  listDeliveries(
    workspaceId: string,
    filter: { readonly endpointId?: string; readonly limit: number },
  ): Promise<WebhookDelivery[]>;
  getDelivery(workspaceId: string, deliveryId: string): Promise<WebhookDelivery | null>;
  /**
   * Makes a queued or failed delivery due now (one more attempt for a failed one); null when there
   * is no such delivery, or it is delivered or being sent.
   */
  retryNow(workspaceId: string, deliveryId: string): Promise<WebhookDelivery | null>;
  /**
   * Deletes up to `limit` of the workspace's finished deliveries (delivered or failed), with their
   * attempts, that finished before `finishedBefore`; returns how many went. Open ones are kept.
   */
  pruneFinished(workspaceId: string, finishedBefore: Date, limit: number): Promise<number>;
}
