/**
 * Outbound webhooks API (issue 12): ops and admins register receivers, disable or delete them,
 * send a test event, read the delivery log and retry a delivery now. The ops console's webhook
 * section uses it.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  registeredWebhookSchema,
  registerWebhookRequestSchema,
  updateWebhookRequestSchema,
  webhookDeliveriesQuerySchema,
  webhookDeliveryListSchema,
  webhookDeliveryViewSchema,
  webhookEndpointViewSchema,
  webhookListSchema,
} from '../../api/webhook-schemas.ts';
import {
  deleteWebhook,
  listWebhookDeliveries,
  listWebhooks,
  registerWebhook,
  retryWebhookDelivery,
  sendTestEvent,
  setWebhookEnabled,
} from '../../app/ops/webhooks.ts';
import { errorResponses } from '../http-errors.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { requireAgent } from './require-agent.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const session = [{ agentSession: [] }];
const idParam = z.object({ id: z.string().min(1).max(100) });

export const webhookRoutes = (deps: ServerDeps) => {
  const routes = new OpenAPIHono<ServerEnv>();
  routes.use('/api/ops/webhooks', requireAgent(deps));
  routes.use('/api/ops/webhooks/*', requireAgent(deps));
  const { store } = deps.app;
  const admin = { secret: deps.settings.secret, allowPrivate: deps.settings.webhookAllowPrivate ?? false };
  const wake = () => deps.webhookWorker?.wake();

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/ops/webhooks',
      summary: 'The workspace’s webhook endpoints (never their secrets) and the event types to choose from',
      security: session,
      responses: { 200: { description: 'Endpoints', content: json(webhookListSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await listWebhooks(store, c.get('agent')), 200),
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/ops/webhooks',
      summary: 'Registers a receiver for some event types; the answer holds its signing secret, shown once',
      description:
        'The URL must be http(s) without credentials, on a public address unless BATON_WEBHOOK_ALLOW_PRIVATE=true. ' +
        'Deliveries are signed: see docs/SECURITY.md "Verifying webhooks".',
      security: session,
      request: { body: { content: json(registerWebhookRequestSchema), required: true } },
      responses: {
        201: { description: 'Registered', content: json(registeredWebhookSchema) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await registerWebhook(store, c.get('agent'), c.req.valid('json'), admin), 201),
  );

  routes.openapi(
    createRoute({
      method: 'patch',
      path: '/api/ops/webhooks/{id}',
      summary: 'Enables or disables an endpoint (a disabled one gets no new deliveries and sends none)',
      security: session,
      request: { params: idParam, body: { content: json(updateWebhookRequestSchema), required: true } },
      responses: {
        200: { description: 'Changed', content: json(webhookEndpointViewSchema) },
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(
        await setWebhookEnabled(store, c.get('agent'), c.req.valid('param').id, c.req.valid('json').enabled),
        200,
      ),
  );

  routes.openapi(
    createRoute({
      method: 'delete',
      path: '/api/ops/webhooks/{id}',
      summary: 'Deletes an endpoint and its delivery log',
      security: session,
      request: { params: idParam },
      responses: { 204: { description: 'Deleted' }, ...errorResponses },
    }),
    async (c) => {
      await deleteWebhook(store, c.get('agent'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/ops/webhooks/{id}/test',
      summary: 'Queues a signed `webhook_test` delivery to this endpoint',
      security: session,
      request: { params: idParam },
      responses: {
        202: { description: 'Queued', content: json(webhookDeliveryViewSchema) },
        ...errorResponses,
      },
    }),
    async (c) => {
      const delivery = await sendTestEvent(store, c.get('agent'), c.req.valid('param').id, deps.app.now());
      wake();
      return c.json(delivery, 202);
    },
  );

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/ops/webhooks/deliveries',
      summary:
        'The latest deliveries, newest first, with every attempt (status, latency, error, next attempt)',
      security: session,
      request: { query: webhookDeliveriesQuerySchema },
      responses: {
        200: { description: 'Deliveries', content: json(webhookDeliveryListSchema) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await listWebhookDeliveries(store, c.get('agent'), c.req.valid('query')), 200),
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/ops/webhooks/deliveries/{id}/retry',
      summary: 'Sends a queued or failed delivery again now (one more attempt)',
      security: session,
      request: { params: idParam },
      responses: {
        202: { description: 'Due now', content: json(webhookDeliveryViewSchema) },
        ...errorResponses,
      },
    }),
    async (c) => {
      const delivery = await retryWebhookDelivery(store, c.get('agent'), c.req.valid('param').id);
      wake();
      return c.json(delivery, 202);
    },
  );
  return routes;
};
