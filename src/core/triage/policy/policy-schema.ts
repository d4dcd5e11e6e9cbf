/** The escalation policy document (SPEC §5): a versioned, validated piece of data. */
import { z } from 'zod';

const unit = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time "HH:MM"');
const key = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lower-case letters, digits and underscores');

/** What a signal trigger does when it fires: hand over, only raise priority, or nothing. */
const triggerAction = z.enum(['escalate', 'priority', 'ignore']);

const trigger = z.strictObject({
  action: triggerAction,
  /** Team that takes these conversations instead of the category's team. */
  team: key.optional(),
});

export const businessHoursSchema = z.strictObject({
  timeZone: z.string().min(1, 'must name an IANA time zone, e.g. "Europe/Berlin"'),
  days: z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), z.tuple([clock, clock])),
});

export const teamSchema = z.strictObject({
  name: z.string().min(1, 'must not be empty'),
  /** Opening hours; absent means always open. */
  businessHours: businessHoursSchema.nullable().default(null),
  /** What the customer is told when they are handed over outside business hours. */
  outOfHoursMessage: z.string().min(1).nullable().default(null),
});

export const categorySchema = z.strictObject({
  description: z.string().default(''),
  examples: z.array(z.string()).default([]),
  team: key,
  /** Below this answer confidence the AI must not answer (SPEC §5). */
  threshold: unit,
  /** Always escalate, whatever the confidence. */
  highRisk: z.boolean().default(false),
  /**
   * A high-risk category also escalates when another category is on top (from 0.75 × the high-risk
   * score floor for the runner-up); false: only on top, or through its own cues and triggers.
   * Unset: true.
   */
  runnerUp: z.boolean().optional(),
  /** Escalate when the customer mentions an amount above this (any currency; no conversion). */
  amountLimit: z.number().positive('must be a positive amount').nullable().default(null),
  /** Account lookups the AI should make for this category ("order", "subscription", …). */
  lookups: z.array(z.string().min(1)).default([]),
});

/** A custom rule: escalates with `agent_requested_by_rule` when every condition given holds. */
export const ruleSchema = z.strictObject({
  id: key,
  description: z.string().default(''),
  when: z.strictObject({
    categories: z.array(key).optional(),
    anyWords: z.array(z.string().min(1)).optional(),
    minAmount: z.number().positive().optional(),
    customerPlans: z.array(z.string().min(1)).optional(),
  }),
  team: key.optional(),
});

export const policySchema = z.strictObject({
  version: z.union([z.string().min(1), z.number()]).transform(String),
  name: z.string().default('Escalation policy'),
  /** Category used for anything the taxonomy does not cover. */
  defaultCategory: key,
  defaultTeam: key,
  categories: z
    .record(key, categorySchema)
    .refine((value) => Object.keys(value).length > 0, 'must list at least one category'),
  teams: z.record(key, teamSchema),
  /** Ask one short question when the category is this unclear and nothing forces a handoff. */
  clarify: z
    .strictObject({
      belowCategoryConfidence: unit.default(0.35),
      maxWords: z.number().int().min(1).default(6),
      /** Never ask (hand over instead) when a high-risk category scores this much: a fraud report must not wait. */
      unlessHighRiskAbove: unit.default(0.2),
      question: z.string().min(1).default('Could you tell me a little more about what you need help with?'),
    })
    .prefault({}),
  /** The reply to a message that only thanks or says goodbye, when nothing forces a handoff. */
  closing: z
    .strictObject({
      reply: z.string().min(1).default('You’re welcome! Is there anything else I can help you with?'),
    })
    .prefault({}),
  /** Below this category confidence the message is likely outside the company's business: never answer it. */
  answerMinCategoryConfidence: unit.default(0.15),
  /** High-risk categories escalate when their score reaches this, even when not the top category. */
  highRiskScoreFloor: unit.default(0.3),
  triggers: z
    .strictObject({
      humanRequested: trigger.prefault({ action: 'escalate' }),
      managerRequested: trigger.prefault({ action: 'escalate' }),
      legalThreat: trigger.prefault({ action: 'escalate' }),
      urgent: trigger
        .extend({
          /** With action `priority`: still hand over when the category is high-risk (fraud, closure…). */
          escalateWhenHighRisk: z.boolean().default(true),
          /** With action `priority`: still hand over when the message's sentiment is at or below this (null: never). */
          escalateBelowSentiment: z
            .number()
            .min(-1, 'must be between -1 and 1')
            .max(1, 'must be between -1 and 1')
            .nullable()
            .default(-0.3),
        })
        .prefault({ action: 'priority' }),
      negativeSentiment: trigger
        .extend({
          below: z
            .number()
            .min(-1, 'must be between -1 and 1')
            .max(1, 'must be between -1 and 1')
            .default(-0.75),
          fallingOver: z.number().int().min(2, 'must be at least 2 messages').default(3),
        })
        .prefault({ action: 'escalate' }),
      frustration: trigger
        .extend({ minScore: z.number().min(0).default(1) })
        .prefault({ action: 'escalate' }),
      distress: trigger.prefault({ action: 'escalate' }),
      repeatedAsk: trigger
        .extend({ atRepeat: z.number().int().min(1, 'must be at least 1').default(2) })
        .prefault({ action: 'escalate' }),
      maxAiTurns: z.number().int().min(1, 'must be at least 1').default(6),
    })
    .prefault({}),
  /** Priority 1 (normal) … `max`; each reason that fires adds its points. */
  priority: z
    .strictObject({
      base: z.number().int().min(0).default(1),
      max: z.number().int().min(1).default(4),
      raise: z.record(z.string(), z.number().int()).default({}),
      /** Points a customer's plan adds when they are handed over (customer value, SPEC §7). */
      plans: z.record(z.string(), z.number().int()).default({}),
    })
    .prefault({}),
  rules: z.array(ruleSchema).default([]),
});

/** A validated escalation policy. */
export type EscalationPolicy = z.output<typeof policySchema>;
export type CategoryPolicy = EscalationPolicy['categories'][string];
export type TeamPolicy = EscalationPolicy['teams'][string];
export type PolicyRule = EscalationPolicy['rules'][number];
export type TriggerAction = z.output<typeof triggerAction>;
