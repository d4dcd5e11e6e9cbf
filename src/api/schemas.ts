/**
 * Request and response shapes of Baton's REST API. The server validates with them and generates
 * /openapi.json from them; the web app types its calls with them. One source of truth.
 */

import { z } from 'zod';
import { holdViewSchema } from './hold-schemas.ts';
import { responseDueSchema } from './response-target-schemas.ts';
import { lineText, paragraphText } from './text-fields.ts';

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const citationSchema = z.object({ articleId: z.string(), slug: z.string(), title: z.string() });

export const messageViewSchema = z.object({
  id: z.string(),
  author: z.enum(['customer', 'ai', 'agent', 'system']),
  authorName: z.string().nullable(),
  kind: z.enum(['message', 'note', 'handoff']),
  body: z.string(),
  citations: z.array(citationSchema),
  createdAt: z.string(),
});
export type MessageView = z.infer<typeof messageViewSchema>;

export const conversationStateSchema = z.enum(['ai', 'queued', 'assigned', 'resolved']);

// ---- customer (widget) side ----

/** Names the workspace at the entry points without a credential (the router reads it first). */
const workspaceSlugField = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'A workspace slug: lowercase letters, digits and hyphens.')
  .optional();

export const startConversationRequestSchema = z
  .object({
    name: lineText(200).optional(),
    email: lineText(320).pipe(z.email()).optional(),
    /** The customer's id in the company's systems, with its HMAC-SHA256 signature (SPEC §11). */
    externalId: lineText(200).min(1).optional(),
    identitySignature: lineText(200).min(1).optional(),
    /** When the identity signature stops being accepted (unix seconds); signed together with the id. */
    identityExpires: z.number().int().positive().optional(),
    /** The workspace's slug on an install with several (docs/workspaces.md); absent: the default one. */
    workspace: workspaceSlugField,
  })
  .strict()
  .refine((value) => Boolean(value.externalId) === Boolean(value.identitySignature), {
    message: 'externalId and identitySignature go together',
  })
  .refine((value) => value.identityExpires === undefined || Boolean(value.identitySignature), {
    message: 'identityExpires goes with externalId and identitySignature',
  });

export const customerConversationSchema = z.object({
  id: z.string(),
  state: conversationStateSchema,
  teamName: z.string().nullable(),
  assigneeName: z.string().nullable(),
  waitingOnCustomer: z.boolean(),
  messages: z.array(messageViewSchema),
  /** CSAT: `asked` once the conversation is resolved; `given` the customer's 1–5 rating of that resolution. */
  rating: z.object({ asked: z.boolean(), given: z.number().int().min(1).max(5).nullable() }),
});
export type CustomerConversation = z.infer<typeof customerConversationSchema>;

/** A customer's rating of the resolved conversation: 1–5 stars (5 best) and an optional comment. */
export const rateConversationRequestSchema = z
  .object({
    rating: z.number(),
    comment: z.string().nullable().optional(),
  })
  .strict();

export const rateConversationResponseSchema = z.object({
  rating: z.number().int(),
  comment: z.string().nullable(),
});

export const startConversationResponseSchema = z.object({
  token: z.string(),
  conversation: customerConversationSchema,
});

/** A client's key for one send, so a retried request is stored once. */
const idempotencyKey = lineText(100).min(8);

export const sendMessageRequestSchema = z
  .object({
    text: z.string(),
    idempotencyKey: idempotencyKey.optional(),
  })
  .strict();

export const sendMessageResponseSchema = z.object({
  message: messageViewSchema,
  duplicate: z.boolean(),
});

// ---- agents ----

export const agentRoleSchema = z.enum(['agent', 'specialist', 'qa', 'ops', 'admin']);

export const agentViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: agentRoleSchema,
  teamKeys: z.array(z.string()),
  status: z.enum(['available', 'away']),
  capacity: z.number(),
  /** A demo account (its password is public): the UI says so. */
  demo: z.boolean(),
});
export type AgentView = z.infer<typeof agentViewSchema>;

export const signInRequestSchema = z.object({
  email: lineText(320).min(1),
  password: z.string().min(1).max(500),
  /** The workspace's slug on an install with several; absent: the install's default workspace. */
  workspace: workspaceSlugField,
});
export const signInResponseSchema = z.object({
  agent: agentViewSchema,
  token: z.string(),
  expiresAt: z.string(),
});

export const setStatusRequestSchema = z.object({ status: z.enum(['available', 'away']) }).strict();

export const teamViewSchema = z.object({
  key: z.string(),
  name: z.string(),
  categories: z.array(z.string()),
  waiting: z.number(),
  open: z.boolean(),
});
export type TeamView = z.infer<typeof teamViewSchema>;

export const conversationSummarySchema = z.object({
  id: z.string(),
  state: conversationStateSchema,
  teamKey: z.string().nullable(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  category: z.string().nullable(),
  priority: z.number(),
  customerName: z.string(),
  subject: z.string().nullable(),
  lastMessagePreview: z.string().nullable(),
  lastMessageAt: z.string().nullable(),
  waitingOnCustomer: z.boolean(),
  createdAt: z.string(),
  /** Snoozed (until when) or marked waiting on the customer by an agent; null when on no hold. */
  hold: holdViewSchema,
  /** The conversation's tags by name; absent in live updates (the inbox reads them with its rows). */
  tags: z.array(z.string()).optional(),
  /**
   * The reply a person owes now (first or next response) and when it is due; null when none is
   * owed or the conversation is with the AI, resolved or on hold. Absent on live updates.
   */
  responseDue: responseDueSchema.nullable().optional(),
});
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

export const inboxQuerySchema = z.object({
  view: z.enum(['queue', 'mine', 'ai', 'resolved', 'all']).default('queue'),
  team: lineText(100).optional(),
});

export const inboxResponseSchema = z.object({
  conversations: z.array(conversationSummarySchema),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
  /** How many conversations the whole view holds (with its search and filters), counted up to 10,000. */
  total: z.number().int(),
  /** More than `total` (10,000) conversations are in the view. */
  totalCapped: z.boolean(),
});

export const eventViewSchema = z.object({
  id: z.string(),
  type: z.string(),
  actor: z.string(),
  data: z.record(z.string(), z.unknown()),
  at: z.string(),
});
export type EventView = z.infer<typeof eventViewSchema>;

export const conversationDetailSchema = z.object({
  conversation: conversationSummarySchema,
  customer: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    externalId: z.string().nullable(),
    profile: z.record(z.string(), z.unknown()),
  }),
  messages: z.array(messageViewSchema),
  events: z.array(eventViewSchema),
  /** The handoff packet of the latest handover, when there was one. */
  handoff: z.record(z.string(), z.unknown()).nullable(),
  /** The latest AI decision trace ("why did the AI do this?"). */
  decision: z.record(z.string(), z.unknown()).nullable(),
  /** The latest escalation verdict recorded by an agent. */
  verdict: z.enum(['needed', 'not_needed']).nullable(),
  /** Flags on AI messages, by message id. */
  flags: z.array(z.object({ messageId: z.string(), flag: z.string(), correctAnswer: z.string().nullable() })),
});
export type ConversationDetail = z.infer<typeof conversationDetailSchema>;

export const agentReplyRequestSchema = z
  .object({ text: z.string(), idempotencyKey: idempotencyKey.optional() })
  .strict();
export const noteRequestSchema = z.object({ text: z.string() }).strict();
export const reassignRequestSchema = z
  .object({ agentId: lineText(100).optional(), teamKey: lineText(100).optional() })
  .strict()
  .refine((value) => Boolean(value.agentId) !== Boolean(value.teamKey), {
    message: 'give exactly one of agentId or teamKey',
  });

export const colleagueViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: agentRoleSchema,
  teamKeys: z.array(z.string()),
  status: z.enum(['available', 'away']),
});
export type ColleagueView = z.infer<typeof colleagueViewSchema>;

export const verdictRequestSchema = z.object({ verdict: z.enum(['needed', 'not_needed']) }).strict();
export const flagRequestSchema = z
  .object({
    kind: z.enum(['wrong', 'incomplete', 'off_tone']),
    correctAnswer: paragraphText(4000).optional(),
  })
  .strict();

// ---- live updates (WebSocket /api/live) ----

export const liveUpdateSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message'), conversationId: z.string(), message: messageViewSchema }),
  /** Staff: the conversation's inbox row changed. */
  z.object({ type: z.literal('conversation'), conversation: conversationSummarySchema }),
  /** The customer's chat: the conversation's state or person changed (the chat reloads what it shows). */
  z.object({
    type: z.literal('conversation_state'),
    conversationId: z.string(),
    state: conversationStateSchema,
    assigneeName: z.string().nullable(),
  }),
  z.object({ type: z.literal('typing'), conversationId: z.string(), author: z.enum(['ai', 'agent']) }),
  /** More of the AI's answer as it is written (each piece already checked against its sources); the final message replaces it. */
  z.object({ type: z.literal('ai_draft_delta'), conversationId: z.string(), delta: z.string() }),
  /** The server could not read what changed: reload the conversation. */
  z.object({ type: z.literal('resync'), conversationId: z.string() }),
  /** Staff only: a colleague is viewing or writing a reply in the conversation, or left it. */
  z.object({
    type: z.literal('presence'),
    conversationId: z.string(),
    agentId: z.string(),
    agentName: z.string(),
    activity: z.enum(['viewing', 'typing', 'left']),
  }),
  /** The socket is listening (sent once per connection): reload what may have been missed before. */
  z.object({ type: z.literal('ready') }),
]);
export type LiveUpdate = Exclude<z.infer<typeof liveUpdateSchema>, { type: 'ready' }>;
