/**
 * The `baton replay` line formats of SPEC §13: one conversation with its recorded times and known
 * outcomes per input line, one result per output line.
 */

import { z } from 'zod';
import { escalationVerdicts, reviewLabels, reviewRootCauses } from '../../core/events/index.ts';
import type { ConversationFacts } from '../../core/metrics/index.ts';
import { readJsonLine } from '../jsonl/json-line.ts';

const instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 time with its zone' });

const replayMessageSchema = z.object({
  role: z.enum(['customer', 'agent']),
  text: z.string().trim().min(1, 'must not be empty').max(20_000),
  at: instant,
});

// Unknown fields are ignored (z.object strips them), as in `baton triage`.
const replayLineSchema = z.object({
  id: z.union([z.string().min(1), z.number()]),
  customer: z.union([z.string().min(1).max(200), z.number()]).transform(String),
  channel: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be a short lower-case name such as "widget" or "email"')
    .optional(),
  messages: z
    .array(replayMessageSchema)
    .min(1, 'must hold at least one message')
    .refine((messages) => messages[0]?.role === 'customer', 'must start with a customer message')
    .refine(
      (messages) =>
        messages.every((m, i) => i === 0 || Date.parse(m.at) >= Date.parse(messages[i - 1]?.at ?? '')),
      'must be in time order (each "at" no earlier than the one before)',
    ),
  csat: z.number().int().min(1).max(5).optional(),
  verdict: z.enum(escalationVerdicts).optional(),
  review: z
    .object({ label: z.enum(reviewLabels), rootCause: z.enum(reviewRootCauses).optional() })
    .optional(),
});

export type ReplayLine = z.output<typeof replayLineSchema>;

export type ParsedReplayLine =
  | { readonly kind: 'conversation'; readonly line: ReplayLine }
  | { readonly kind: 'error'; readonly id: string | number | null; readonly error: string }
  | { readonly kind: 'blank' };

/** Parses one JSONL input line; a malformed one becomes an error naming what is wrong. */
export const parseReplayLine = (text: string): ParsedReplayLine => {
  const read = readJsonLine(text, replayLineSchema);
  return read.kind === 'value' ? { kind: 'conversation', line: read.value } : read;
};

/** One output line (SPEC §13): what happened to the conversation, read from its facts. */
export interface ReplayOutput {
  readonly id: string | number;
  readonly customer: string;
  readonly category: string | null;
  readonly firstMessageAt: string | null;
  readonly aiInvolved: boolean;
  readonly handedOver: boolean;
  readonly handedOverAt: string | null;
  readonly resolution: 'ai' | 'human' | 'abandoned' | null;
  readonly resolvedAt: string | null;
  /** The input id of the earlier conversation this one is a recontact of. */
  readonly recontactOf: string | number | null;
  readonly firstResponseSeconds: number | null;
  readonly csat: number | null;
}

const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());

/** The output line for a replayed conversation; `inputIdOf` maps stored conversation ids back to input ids. */
export const replayOutput = (
  line: ReplayLine,
  facts: ConversationFacts,
  inputIdOf: (conversationId: string) => string | number | null,
): ReplayOutput => ({
  id: line.id,
  customer: line.customer,
  category: facts.category,
  firstMessageAt: iso(facts.firstCustomerMessageAt),
  aiInvolved: facts.aiInvolved,
  handedOver: facts.handoffs > 0,
  handedOverAt: iso(facts.handedOverAt),
  resolution: facts.resolution,
  resolvedAt: iso(facts.resolvedAt),
  recontactOf: facts.recontactOf === null ? null : inputIdOf(facts.recontactOf),
  firstResponseSeconds:
    facts.firstResponseAt === null || facts.firstCustomerMessageAt === null
      ? null
      : (facts.firstResponseAt.getTime() - facts.firstCustomerMessageAt.getTime()) / 1000,
  csat: facts.csat,
});
