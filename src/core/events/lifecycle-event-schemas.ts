/**
 * Payloads of the events that move a conversation through its life (SPEC §2, §3, §6): it starts,
 * messages arrive, the AI decides, looks things up and hands over, agents pick up, requeue and
 * resolve, the customer comes back.
 */
import { z } from 'zod';
import { reasonCodes } from '../handoff/reasons.ts';
import { channelSchema, idSchema } from './vocabulary.ts';

const teamKey = z.string().min(1);
const minutes = z.number().finite().min(0);

export const conversationStartedSchema = z.strictObject({ channel: channelSchema });

export const messageAddedSchema = z.strictObject({
  messageId: idSchema,
  author: z.enum(['customer', 'ai', 'agent', 'system']),
  authorId: idSchema.nullable(),
  kind: z.enum(['message', 'note', 'handoff']),
});

/** The part of a decision trace that metrics read (knowledge coverage); the rest is free-form. */
const decisionTraceSchema = z.looseObject({
  retrieval: z
    .looseObject({
      kind: z.enum(['answer', 'no_answer', 'not_attempted', 'failed']),
      tried: z.array(z.looseObject({ score: z.number().finite() })).optional(),
    })
    .optional(),
  /** A thanks or goodbye the closing reply answered (absent from decisions recorded before it was kept). */
  closingRemark: z.boolean().optional(),
});

export const decisionMadeSchema = z.strictObject({
  action: z.enum(['answer', 'clarify', 'escalate']),
  category: z.string().min(1).nullable(),
  /** The team that owns the category, so AI-only conversations can be counted by team. */
  teamKey: teamKey.optional(),
  /** What the AI provider charged for this turn, in the workspace's currency, when it says. */
  cost: z.number().finite().min(0).optional(),
  trace: decisionTraceSchema,
  /** The customer message this turn answered (its AI job's key). */
  messageId: idSchema.optional(),
});

/** Why an AI turn's outcome was not sent: a newer customer message, or a person took the conversation. */
const notSentReason = z.enum(['superseded', 'conversation_taken']);

/** The AI's answer or handoff, kept instead of sent because the conversation moved on meanwhile. */
export const aiDraftUnsentSchema = z.strictObject({
  messageId: idSchema,
  action: z.enum(['answer', 'clarify', 'escalate']),
  category: z.string().min(1).nullable(),
  text: z.string(),
  reason: notSentReason,
});

/** An AI turn not run at all: its message had been superseded before the turn started. */
export const aiTurnSkippedSchema = z.strictObject({ messageId: idSchema, reason: notSentReason });

export const lookupCompletedSchema = z.strictObject({
  name: z.string().min(1),
  label: z.string(),
  inputs: z.record(z.string(), z.string()),
  status: z.enum(['ok', 'failed', 'timeout']),
  fields: z.array(z.strictObject({ label: z.string(), value: z.string() })),
  error: z.string().nullable(),
  httpStatus: z.number().int().nullable().optional(),
  latencyMs: z.number().finite().min(0),
  at: z.string().optional(),
});

export const categorisedSchema = z.strictObject({ category: z.string().min(1) });

export const categoryConfirmedSchema = z.strictObject({
  category: z.string().min(1),
  previous: z.string().min(1).nullable(),
  /** The customer's words the category model learns from (bounded). */
  text: z.string().max(1000),
});

export const handedOverSchema = z.strictObject({
  teamKey,
  priority: z.number().finite(),
  reasons: z.array(z.strictObject({ code: z.enum(reasonCodes), evidence: z.string() })),
  waitMinutes: minutes.nullable(),
  packet: z.record(z.string(), z.unknown()),
});

export const assignedSchema = z.strictObject({
  agentId: idSchema,
  teamKey: teamKey.nullable(),
  previousAssigneeId: idSchema.nullable(),
  /** A specialist, ops or admin took it from the agent who held it (an explicit take-over). */
  takeOver: z.literal(true).optional(),
});

export const requeuedSchema = z.strictObject({ teamKey, from: teamKey.nullable() });

/** The promised and the actual wait of one handoff (SPEC §6), for wait-estimate accuracy. */
export const waitMeasuredSchema = z.strictObject({
  teamKey: teamKey.nullable(),
  promisedMinutes: minutes.nullable(),
  actualMinutes: minutes,
});

/**
 * Every resolution says how it came about and, for a person's, who: the metrics attribute
 * resolutions by this, never by guessing from the actor.
 */
export const resolvedSchema = z.discriminatedUnion('by', [
  z.strictObject({
    by: z.literal('agent'),
    resolution: z.literal('human'),
    agentId: idSchema,
    teamKey: teamKey.nullable(),
  }),
  z.strictObject({ by: z.literal('ai_assumed'), resolution: z.literal('ai'), teamKey: teamKey.nullable() }),
  z.strictObject({ by: z.literal('ai_confirmed'), resolution: z.literal('ai'), teamKey: teamKey.nullable() }),
  z.strictObject({
    by: z.literal('abandoned'),
    resolution: z.literal('abandoned'),
    teamKey: teamKey.nullable(),
  }),
]);

export const reopenedSchema = z.strictObject({ by: z.enum(['customer_reply']) });

/** An agent put an open conversation on hold (src/core/conversation/hold.ts): snoozed, or waiting on the customer. */
export const holdSetSchema = z.strictObject({
  kind: z.enum(['snoozed', 'waiting_on_customer']),
  /** ISO time the snooze ends; null while waiting on the customer. */
  until: z.iso.datetime({ offset: true }).nullable(),
});

/** A hold ended: its snooze time passed, the customer wrote, or an agent took it off. */
export const holdEndedSchema = z.strictObject({
  kind: z.enum(['snoozed', 'waiting_on_customer']),
  reason: z.enum(['snooze_over', 'customer_replied', 'agent']),
});
