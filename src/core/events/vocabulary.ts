/**
 * The fixed words events are counted by (SPEC §2, §7, §8): who resolved a conversation and how,
 * escalation verdicts, flags on AI answers and review labels. One list each, shared by the event
 * schemas, the metrics and the API.
 */
import { z } from 'zod';

/**
 * How a conversation was resolved: an agent closed it; the AI's answer stood because the customer
 * went quiet for the assumed-resolution window; the customer said the AI's answer solved it; or the
 * customer left before anyone answered.
 */
export const resolvedByValues = ['agent', 'ai_assumed', 'ai_confirmed', 'abandoned'] as const;
export type ResolvedBy = (typeof resolvedByValues)[number];

export const escalationVerdicts = ['needed', 'not_needed'] as const;
export type EscalationVerdict = (typeof escalationVerdicts)[number];

export const aiMessageFlags = ['wrong', 'incomplete', 'off_tone'] as const;
export type AiMessageFlag = (typeof aiMessageFlags)[number];

/** A reviewer's label on a conversation (SPEC §8). */
export const reviewLabels = [
  'correct',
  'incorrect',
  'incomplete',
  'should_have_escalated',
  'unnecessary_escalation',
] as const;
export type ReviewLabel = (typeof reviewLabels)[number];

export const reviewRootCauses = [
  'missing_article',
  'wrong_article',
  'contradictory_articles',
  'bad_retrieval',
  'wrong_lookup',
  'policy_too_loose',
  'policy_too_tight',
  'tone',
  'other',
] as const;
export type ReviewRootCause = (typeof reviewRootCauses)[number];

/** Where a conversation came in: `widget` today; the REST API, email and imports later. */
export const channelSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be a short lower-case name such as "widget" or "email"');

/** Ids of rows Baton made (uuids) or of the company's own records. */
export const idSchema = z.string().min(1, 'must not be empty').max(200);
