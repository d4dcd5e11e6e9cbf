/** The agent inbox: team queues, a conversation with its handoff packet, and the actions on it. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { bulkRequestSchema, bulkResponseSchema } from '../../api/bulk-schemas.ts';
import { inboxListQuerySchema } from '../../api/inbox-search-schemas.ts';
import {
  agentReplyRequestSchema,
  colleagueViewSchema,
  conversationDetailSchema,
  conversationSummarySchema,
  flagRequestSchema,
  inboxResponseSchema,
  messageViewSchema,
  noteRequestSchema,
  reassignRequestSchema,
  sendMessageResponseSchema,
  teamViewSchema,
  verdictRequestSchema,
} from '../../api/schemas.ts';
import {
  addInternalNote,
  pickUp,
  reassign,
  replyAsAgent,
  resolveAsAgent,
  signalAgentTyping,
  takeOver,
} from '../../app/agent-actions.ts';
import { flagAiMessage, recordEscalationVerdict } from '../../app/agent-feedback.ts';
import { actOnMany } from '../../app/bulk-actions.ts';
import { confirmCategory, policyCategoryNames } from '../../app/category-confirmation.ts';
import {
  conversationDetail,
  listColleagues,
  listInbox,
  listTeams,
  summarise,
} from '../../app/inbox-views.ts';
import { presentMessage } from '../../app/presenters.ts';
import { errorResponses } from '../http-errors.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { requireAgent } from './require-agent.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const idParams = z.object({ id: z.string().min(1).max(100) });
const session = [{ agentSession: [] }];

export const inboxRoutes = (deps: ServerDeps) => {
  const routes = new OpenAPIHono<ServerEnv>();
  const ctx = deps.app;
  routes.use('/api/inbox/*', requireAgent(deps));

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/inbox/teams',
      summary: 'Your teams with how many customers wait in each queue',
      security: session,
      responses: {
        200: { description: 'Teams', content: json(z.object({ teams: z.array(teamViewSchema) })) },
        ...errorResponses,
      },
    }),
    async (c) => c.json({ teams: await listTeams(ctx, c.var.agent) }, 200),
  );

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/inbox/agents',
      summary: 'Colleagues you can reassign a conversation to, with their availability',
      security: session,
      responses: {
        200: { description: 'Agents', content: json(z.object({ agents: z.array(colleagueViewSchema) })) },
        ...errorResponses,
      },
    }),
    async (c) => c.json({ agents: await listColleagues(ctx) }, 200),
  );

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/inbox/conversations',
      summary: 'Conversations in a view: queue (your teams, waiting or assigned), mine, ai, resolved, all',
      description:
        '`team` narrows the queue and resolved views to one of your teams; without it, resolved holds every resolved ' +
        'conversation you could open, the AI’s own resolutions included. ' +
        'Narrowed by `q` (every word, as a prefix, in the customer’s name or e-mail or in one message; or a conversation id), ' +
        '`status`, `priority`, `assignee` (me, none or an agent id), `category`, and `from`/`to` (start time). ' +
        '`unread=true` keeps only conversations with news you have not read. ' +
        'A page at a time: `limit` (up to 500) and the `nextCursor` of the page before as `cursor`; `total` counts the whole view.',
      security: session,
      request: { query: inboxListQuerySchema },
      responses: {
        200: { description: 'Conversations', content: json(inboxResponseSchema) },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { view, team, limit, cursor, ...narrowing } = c.req.valid('query');
      const page = { ...(limit === undefined ? {} : { limit }), ...(cursor === undefined ? {} : { cursor }) };
      return c.json(await listInbox(ctx, c.var.agent, view, team, narrowing, page), 200);
    },
  );

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/inbox/conversations/{id}',
      summary: 'A conversation with its transcript, events, handoff packet and AI decision trace',
      security: session,
      request: { params: idParams },
      responses: {
        200: { description: 'The conversation', content: json(conversationDetailSchema) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await conversationDetail(ctx, c.var.agent, c.req.valid('param').id), 200),
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/inbox/conversations/{id}/replies',
      summary: 'Reply to the customer (picks the conversation up if nobody has it)',
      security: session,
      request: { params: idParams, body: { content: json(agentReplyRequestSchema), required: true } },
      responses: {
        201: { description: 'Sent', content: json(sendMessageResponseSchema) },
        ...errorResponses,
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { message, created } = await replyAsAgent(
        ctx,
        c.var.agent,
        c.req.valid('param').id,
        body.text,
        body.idempotencyKey ?? null,
      );
      return c.json({ message: presentMessage(message, c.var.agent.name), duplicate: !created }, 201);
    },
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/inbox/conversations/{id}/notes',
      summary: 'Add an internal note (never shown to the customer)',
      security: session,
      request: { params: idParams, body: { content: json(noteRequestSchema), required: true } },
      responses: { 201: { description: 'Added', content: json(messageViewSchema) }, ...errorResponses },
    }),
    async (c) => {
      const note = await addInternalNote(ctx, c.var.agent, c.req.valid('param').id, c.req.valid('json').text);
      return c.json(presentMessage(note, c.var.agent.name), 201);
    },
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/inbox/conversations/{id}/typing',
      summary: 'You are writing a reply: the customer sees "<your name> is typing…" for a few seconds',
      description: 'Send at most every few seconds while typing a reply (never for a note).',
      security: session,
      request: { params: idParams },
      responses: { 204: { description: 'Signalled' }, ...errorResponses },
    }),
    async (c) => {
      await signalAgentTyping(ctx, c.var.agent, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  const stateChange = (path: string, summary: string) =>
    createRoute({
      method: 'post',
      path,
      summary,
      description:
        'A 409 `already_assigned` names who has the conversation (details.assigneeId, details.assigneeName).',
      security: session,
      request: { params: idParams },
      responses: {
        200: { description: 'Updated', content: json(conversationSummarySchema) },
        ...errorResponses,
      },
    });

  routes.openapi(
    stateChange('/api/inbox/conversations/{id}/pick-up', 'Assign the conversation to yourself'),
    async (c) => {
      return c.json(await summarise(ctx, await pickUp(ctx, c.var.agent, c.req.valid('param').id)), 200);
    },
  );

  routes.openapi(
    stateChange(
      '/api/inbox/conversations/{id}/take-over',
      'Take the conversation from whoever has it (specialists, ops and admins; recorded)',
    ),
    async (c) => {
      return c.json(await summarise(ctx, await takeOver(ctx, c.var.agent, c.req.valid('param').id)), 200);
    },
  );

  routes.openapi(
    stateChange('/api/inbox/conversations/{id}/resolve', 'Resolve the conversation'),
    async (c) => {
      return c.json(
        await summarise(ctx, await resolveAsAgent(ctx, c.var.agent, c.req.valid('param').id)),
        200,
      );
    },
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/inbox/conversations/{id}/reassign',
      summary: 'Give the conversation to another agent, or back to a team queue',
      security: session,
      request: { params: idParams, body: { content: json(reassignRequestSchema), required: true } },
      responses: {
        200: { description: 'Updated', content: json(conversationSummarySchema) },
        ...errorResponses,
      },
    }),
    async (c) => {
      const updated = await reassign(ctx, c.var.agent, c.req.valid('param').id, c.req.valid('json'));
      return c.json(await summarise(ctx, updated), 200);
    },
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/inbox/bulk',
      summary: 'One action on up to 100 conversations: resolve, assign, move to a team, tag or untag',
      description:
        'Each conversation is changed (or refused) on its own, as its own button would: the answer lists, in order, ' +
        'each one done with its new inbox row, or refused with the code and message it would have had alone.',
      security: session,
      request: { body: { content: json(bulkRequestSchema), required: true } },
      responses: {
        200: { description: 'What was done to each', content: json(bulkResponseSchema) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await actOnMany(ctx, c.var.agent, c.req.valid('json')), 200),
  );

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/inbox/categories',
      summary: 'The categories of the current escalation policy',
      security: session,
      responses: {
        200: { description: 'Categories', content: json(z.object({ categories: z.array(z.string()) })) },
        ...errorResponses,
      },
    }),
    async (c) => c.json({ categories: await policyCategoryNames(ctx.store, ctx.workspace.id) }, 200),
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/inbox/conversations/{id}/category',
      summary: 'Confirm or correct the category (the category model learns from confirmed categories)',
      security: session,
      request: {
        params: idParams,
        body: { content: json(z.object({ category: z.string().min(1).max(100) }).strict()), required: true },
      },
      responses: {
        200: { description: 'Updated', content: json(conversationSummarySchema) },
        ...errorResponses,
      },
    }),
    async (c) => {
      const updated = await confirmCategory(
        ctx,
        c.var.agent,
        c.req.valid('param').id,
        c.req.valid('json').category,
      );
      return c.json(await summarise(ctx, updated), 200);
    },
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/inbox/conversations/{id}/verdict',
      summary: 'Record whether the AI’s handoff was needed (one click, for the coaching loop)',
      security: session,
      request: { params: idParams, body: { content: json(verdictRequestSchema), required: true } },
      responses: { 204: { description: 'Recorded' }, ...errorResponses },
    }),
    async (c) => {
      await recordEscalationVerdict(ctx, c.var.agent, c.req.valid('param').id, c.req.valid('json').verdict);
      return c.body(null, 204);
    },
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/inbox/conversations/{id}/messages/{messageId}/flags',
      summary: 'Flag an AI message as wrong, incomplete or off-tone, optionally with the correct answer',
      security: session,
      request: {
        params: z.object({ id: z.string().min(1).max(100), messageId: z.string().min(1).max(100) }),
        body: { content: json(flagRequestSchema), required: true },
      },
      responses: { 204: { description: 'Flagged' }, ...errorResponses },
    }),
    async (c) => {
      const { id, messageId } = c.req.valid('param');
      await flagAiMessage(ctx, c.var.agent, id, messageId, c.req.valid('json'));
      return c.body(null, 204);
    },
  );

  return routes;
};
