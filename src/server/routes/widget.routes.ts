/** The customer's chat API: start a conversation, send messages, read the transcript. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  customerConversationSchema,
  rateConversationRequestSchema,
  rateConversationResponseSchema,
  sendMessageRequestSchema,
  sendMessageResponseSchema,
  startConversationRequestSchema,
  startConversationResponseSchema,
} from '../../api/schemas.ts';
import { confirmAnswered } from '../../app/customer-confirmation.ts';
import {
  customerConversationView,
  receiveCustomerMessage,
  startConversation,
} from '../../app/customer-conversations.ts';
import { rateConversation } from '../../app/customer-rating.ts';
import { loadConversation } from '../../app/load.ts';
import { presentMessage } from '../../app/presenters.ts';
import { DomainError } from '../../core/errors.ts';
import { verifyCustomerIdentity } from '../auth/customer-identity.ts';
import { type CustomerClaims, issueCustomerToken, verifyCustomerToken } from '../auth/customer-token.ts';
import { errorResponses } from '../http-errors.ts';
import type { ServerDeps } from '../server-env.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const idParams = z.object({ id: z.string().min(1).max(100) });
const bearer = [{ customerToken: [] }];

/** The customer's token comes as `Authorization: Bearer …`; it must name this conversation. */
const customerClaims = (deps: ServerDeps, c: Context, conversationId: string): CustomerClaims => {
  const header = c.req.header('authorization') ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
  if (!token)
    throw new DomainError(
      'unauthenticated',
      'Send the conversation token as "Authorization: Bearer <token>".',
    );
  const claims = verifyCustomerToken(deps.settings.secret, token, deps.app.now());
  if (claims.conversationId !== conversationId) {
    throw new DomainError('forbidden', 'This token is for another conversation.');
  }
  return claims;
};

export const widgetRoutes = (deps: ServerDeps) => {
  const routes = new OpenAPIHono();
  const ctx = deps.app;

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/widget/conversations',
      summary: 'Start a conversation as a customer; returns the conversation token',
      request: { body: { content: json(startConversationRequestSchema), required: false } },
      responses: {
        201: { description: 'Started', content: json(startConversationResponseSchema) },
        ...errorResponses,
      },
    }),
    async (c) => {
      const input = c.req.valid('json') ?? {};
      if (input.externalId && input.identitySignature) {
        verifyCustomerIdentity(
          deps.settings.identitySecret,
          {
            externalId: input.externalId,
            signature: input.identitySignature,
            expires: input.identityExpires,
          },
          ctx.now(),
        );
      }
      const { conversation, customer } = await startConversation(ctx, {
        name: input.name,
        email: input.email,
        externalId: input.externalId ?? null,
      });
      const expiresAt = new Date(ctx.now().getTime() + deps.settings.customerTokenTtlDays * 86_400_000);
      const token = issueCustomerToken(deps.settings.secret, {
        conversationId: conversation.id,
        customerId: customer.id,
        expiresAt,
      });
      return c.json(
        { token, conversation: await customerConversationView(ctx, conversation.id, customer.id) },
        201,
      );
    },
  );

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/widget/conversations/{id}',
      summary: 'Read a conversation as its customer',
      security: bearer,
      request: { params: idParams },
      responses: {
        200: { description: 'The conversation', content: json(customerConversationSchema) },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const claims = customerClaims(deps, c, id);
      return c.json(await customerConversationView(ctx, id, claims.customerId), 200);
    },
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/widget/conversations/{id}/messages',
      summary: 'Send a customer message (stored before it is acknowledged; idempotent with idempotencyKey)',
      security: bearer,
      request: { params: idParams, body: { content: json(sendMessageRequestSchema), required: true } },
      responses: {
        201: { description: 'Stored', content: json(sendMessageResponseSchema) },
        200: {
          description: 'Already stored (same idempotencyKey)',
          content: json(sendMessageResponseSchema),
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const claims = customerClaims(deps, c, id);
      const body = c.req.valid('json');
      const { message, created } = await receiveCustomerMessage(
        ctx,
        id,
        claims.customerId,
        body.text,
        body.idempotencyKey ?? null,
      );
      return c.json({ message: presentMessage(message), duplicate: !created }, created ? 201 : 200);
    },
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/widget/conversations/{id}/rating',
      summary: 'Rate the resolved conversation: 1–5 (5 best) with an optional comment, once per resolution',
      security: bearer,
      request: { params: idParams, body: { content: json(rateConversationRequestSchema), required: true } },
      responses: {
        201: { description: 'Rating stored', content: json(rateConversationResponseSchema) },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const claims = customerClaims(deps, c, id);
      await loadConversation(ctx, id);
      return c.json(await rateConversation(ctx.store, id, claims.customerId, c.req.valid('json')), 201);
    },
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/widget/conversations/{id}/resolve',
      summary:
        "Confirm that the AI's latest answer solved it: the conversation is resolved as the AI's (once; again is a no-op)",
      security: bearer,
      request: { params: idParams },
      responses: {
        200: {
          description: 'Resolved; the conversation as the customer now sees it',
          content: json(customerConversationSchema),
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const claims = customerClaims(deps, c, id);
      await confirmAnswered(ctx, id, claims.customerId);
      return c.json(await customerConversationView(ctx, id, claims.customerId), 200);
    },
  );

  return routes;
};
