/** The `baton triage` line formats of SPEC §13: parse one input line, format one output line. */

import { z } from 'zod';
import type { TriageResult } from '../../core/triage/index.ts';
import { readJsonLine } from '../jsonl/json-line.ts';

const messageSchema = z.object({
  role: z.enum(['customer', 'ai', 'agent']),
  text: z.string(),
});
const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const customerSchema = z
  .object({
    name: z.string().nullish(),
    plan: z.string().nullish(),
    externalId: z.string().nullish(),
    email: z.string().nullish(),
  })
  .catchall(z.unknown());
const queueSchema = z.object({
  waiting: z.number().min(0),
  agentsAvailable: z.number().min(0),
  avgHandleMinutes: z.number().min(0),
});
// Unknown fields are ignored (z.object strips them); `label` in the benchmark data is one of them.
const conversationSchema = z.object({
  id: z.union([z.string(), z.number()]),
  messages: z
    .array(messageSchema)
    .min(1, 'must hold at least one message')
    .refine(
      (messages) => messages.some((message) => message.role === 'customer'),
      'must hold a customer message',
    ),
  customer: customerSchema.nullish(),
  queue: queueSchema.nullish(),
});

export interface TriageRequestLine {
  readonly kind: 'conversation';
  readonly id: string | number;
  readonly messages: readonly { readonly role: 'customer' | 'ai' | 'agent'; readonly text: string }[];
  readonly customer: {
    readonly name?: string | null;
    readonly plan?: string | null;
    readonly externalId?: string | null;
    readonly email?: string | null;
    readonly fields?: Readonly<Record<string, string | number | boolean | null>>;
  } | null;
  readonly queue: z.output<typeof queueSchema> | null;
}

export type ParsedLine =
  | TriageRequestLine
  | { readonly kind: 'error'; readonly id: string | number | null; readonly error: string }
  | { readonly kind: 'blank' };

/** Parses one JSONL input line; a malformed one becomes an error naming what is wrong. */
export const parseTriageLine = (line: string): ParsedLine => {
  const read = readJsonLine(line, conversationSchema);
  if (read.kind !== 'value') return read;
  const { id, messages, customer, queue } = read.value;
  const fields: Record<string, string | number | boolean | null> = {};
  for (const [key, field] of Object.entries(customer ?? {})) {
    if (['name', 'plan', 'externalId', 'email'].includes(key)) continue;
    const parsed = fieldValue.safeParse(field);
    if (parsed.success) fields[key] = parsed.data;
  }
  return {
    kind: 'conversation',
    id,
    messages,
    customer: customer
      ? {
          name: customer.name ?? null,
          plan: customer.plan ?? null,
          externalId: customer.externalId ?? null,
          email: customer.email ?? null,
          fields,
        }
      : null,
    queue: queue ?? null,
  };
};

/** The output object of SPEC §13 for one conversation (the trace stays out of the file). */
export const triageOutput = (id: string | number, result: TriageResult): Record<string, unknown> => {
  const output: Record<string, unknown> = {
    id,
    category: result.category,
    categoryConfidence: result.categoryConfidence,
    action: result.action,
    reasons: result.reasons,
    signals: result.signals,
    confidence: result.confidence,
    team: result.team,
    priority: result.priority,
    policyVersion: result.policyVersion,
  };
  if (result.answer !== undefined) output.answer = result.answer;
  if (result.handoff !== undefined) output.handoff = result.handoff;
  // With a model (--answerer llm): its tokens and cost for this line, an optional field of §13.
  const usage = result.answerer.usage;
  if (usage && usage.model !== 'embedded') output.usage = usage;
  return output;
};
