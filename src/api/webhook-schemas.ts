/**
 * Outbound webhooks (issue 12, SPEC §12): endpoints ops register, and the delivery log with every
 * attempt. The signing secret is shown once, in the answer to the registration, and never again.
 */
import { z } from 'zod';
import { webhookEventTypes } from '../core/webhooks/event-types.ts';
import { lineText } from './text-fields.ts';

export const webhookEventTypeSchema = z.enum(webhookEventTypes);

export const registerWebhookRequestSchema = z.strictObject({
  /** Checked further by the server: http(s), no credentials, a public address unless allowed. */
  url: z.string().min(1, 'give the receiver’s URL').max(2000, 'URLs are at most 2000 characters'),
  eventTypes: z
    .array(webhookEventTypeSchema)
    .min(1, 'choose at least one event type')
    .max(webhookEventTypes.length),
  description: lineText(200).optional(),
});
export type RegisterWebhookRequest = z.infer<typeof registerWebhookRequestSchema>;

export const webhookEndpointViewSchema = z.object({
  id: z.string(),
  url: z.string(),
  eventTypes: z.array(z.string()),
  description: z.string().nullable(),
  enabled: z.boolean(),
  createdAt: z.string(),
});
export type WebhookEndpointView = z.infer<typeof webhookEndpointViewSchema>;

export const webhookListSchema = z.object({
  endpoints: z.array(webhookEndpointViewSchema),
  /** What an endpoint may subscribe to. */
  eventTypes: z.array(z.string()),
});

export const registeredWebhookSchema = z.object({
  endpoint: webhookEndpointViewSchema,
  /** The signing secret: shown this once; store it with the receiver. */
  secret: z.string(),
});

export const updateWebhookRequestSchema = z.strictObject({ enabled: z.boolean() });

export const webhookAttemptViewSchema = z.object({
  attempt: z.number().int(),
  startedAt: z.string(),
  statusCode: z.number().int().nullable(),
  latencyMs: z.number().int(),
  error: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
});

export const webhookDeliveryViewSchema = z.object({
  id: z.string(),
  endpointId: z.string(),
  eventId: z.string().nullable(),
  eventType: z.string(),
  state: z.enum(['queued', 'running', 'delivered', 'failed']),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  log: z.array(webhookAttemptViewSchema),
});
export type WebhookDeliveryView = z.infer<typeof webhookDeliveryViewSchema>;

export const webhookDeliveryListSchema = z.object({ deliveries: z.array(webhookDeliveryViewSchema) });

export const webhookDeliveriesQuerySchema = z.strictObject({
  endpointId: z.string().uuid('endpointId must be an endpoint id').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
