/**
 * Request and response shapes of the ops console (SPEC §5, §6, §1 "Knowledge & ops"): the escalation
 * policy with its audit trail, the handoff wording, and integration health. The server validates
 * with them and documents them in /openapi.json; the web app types its calls with them.
 */
import { z } from 'zod';
import { reasonCodes } from '../core/handoff/reasons.ts';
import { lineText, paragraphText } from './text-fields.ts';

const MAX_POLICY_CHARS = 200_000;
const MAX_TEMPLATE_CHARS = 4_000;
/** Each team's set is linted in every reason × wait case (milliseconds per team), so teams are bounded. */
const MAX_TEMPLATE_TEAMS = 40;
const MAX_NEEDS = 50;

/** Why a change was made: required on every save, it is the "why" of the audit trail. */
const changeNote = paragraphText(1_000).trim().min(1, 'say why you are making this change');

// ---- escalation policy ----

export const policyProblemSchema = z.object({
  /** Dotted path into the document, e.g. `categories.refund.threshold`; `(document)` for the whole text. */
  path: z.string(),
  message: z.string(),
});
export type PolicyProblemView = z.infer<typeof policyProblemSchema>;

export const policyViewSchema = z.object({
  /** The store's version number (1, 2, … per workspace), which every decision cites; 0 while the workspace still runs the built-in default. */
  version: z.number().int().min(0),
  /** The document's own `version` label: a display name, free text that two versions may share. */
  label: z.string(),
  name: z.string(),
  /** The policy as YAML for editing: default category phrasings are left out (they are filled back in on save). */
  yaml: z.string(),
  /** The whole published document as the AI uses it. */
  document: z.record(z.string(), z.unknown()),
  author: z.string(),
  authorName: z.string(),
  note: z.string().nullable(),
  createdAt: z.string().nullable(),
  /** The earlier version this one restored, when it was published by a rollback. */
  restoredFrom: z.number().int().nullable(),
  /** Whether this is the version the AI decides under now. */
  current: z.boolean(),
  /** Whether the signed-in agent may publish a new version (ops and admins). */
  canChange: z.boolean(),
});
export type PolicyView = z.infer<typeof policyViewSchema>;

export const policyVersionEntrySchema = z.object({
  version: z.number().int().min(1),
  label: z.string(),
  author: z.string(),
  authorName: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
  /** Set when this version was published by rolling back to an earlier one. */
  restoredFrom: z.number().int().nullable(),
});
export type PolicyVersionEntry = z.infer<typeof policyVersionEntrySchema>;

export const policyVersionsResponseSchema = z.object({ versions: z.array(policyVersionEntrySchema) });
export type PolicyVersionsResponse = z.infer<typeof policyVersionsResponseSchema>;

export const policyCheckRequestSchema = z.object({
  yaml: z.string().max(MAX_POLICY_CHARS, `keep the policy under ${MAX_POLICY_CHARS} characters`),
});
export type PolicyCheckRequest = z.infer<typeof policyCheckRequestSchema>;

export const publishPolicyRequestSchema = policyCheckRequestSchema.extend({
  note: changeNote,
  /** The version the edit was made from: refused (409 `conflict`) when another was published since. */
  basedOnVersion: z.number().int().min(0).max(2_147_483_647).optional(),
});
export type PublishPolicyRequest = z.infer<typeof publishPolicyRequestSchema>;

/** A published version number in a path or query (1, 2, …). */
const versionNumber = z.coerce
  .number()
  .int('a version is a whole number')
  .min(1, 'versions start at 1')
  .max(2_147_483_647, 'no such version');

export const policyVersionParamsSchema = z.object({ version: versionNumber });

export const policyDiffQuerySchema = z.object({ from: versionNumber, to: versionNumber });

export const policyDiffLineSchema = z.object({
  kind: z.enum(['same', 'added', 'removed']),
  text: z.string(),
  /** Line number in the `from` version's YAML (null for an added line). */
  fromLine: z.number().int().nullable(),
  /** Line number in the `to` version's YAML (null for a removed line). */
  toLine: z.number().int().nullable(),
});
export type PolicyDiffLine = z.infer<typeof policyDiffLineSchema>;

export const policyDiffHunkSchema = z.object({
  fromStart: z.number().int(),
  toStart: z.number().int(),
  lines: z.array(policyDiffLineSchema),
});
export type PolicyDiffHunk = z.infer<typeof policyDiffHunkSchema>;

export const policyDiffResponseSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  /** Same document: nothing to show. */
  identical: z.boolean(),
  /** The changed stretches of the editable YAML, with three lines of context around each. */
  hunks: z.array(policyDiffHunkSchema),
});
export type PolicyDiffResponse = z.infer<typeof policyDiffResponseSchema>;

export const rollbackPolicyRequestSchema = z.object({
  /** The earlier version to publish again. */
  version: z.number().int().min(1),
  note: changeNote,
});
export type RollbackPolicyRequest = z.infer<typeof rollbackPolicyRequestSchema>;

export const policyCheckResponseSchema = z.object({
  ok: z.boolean(),
  problems: z.array(policyProblemSchema),
});
export type PolicyCheckResponse = z.infer<typeof policyCheckResponseSchema>;

// ---- handoff templates ----

const templateText = paragraphText(MAX_TEMPLATE_CHARS).min(1, 'must not be empty');

const waitPhrasesSchema = z.strictObject({
  estimate: templateText,
  immediate: templateText,
  closed: templateText,
  unstaffed: templateText,
  unknown: templateText,
});

const teamTemplateOverrideSchema = z.strictObject({
  message: templateText.optional(),
  reasons: z.partialRecord(z.enum(reasonCodes), templateText).optional(),
  wait: waitPhrasesSchema.partial().optional(),
  needs: z
    .record(lineText(100).min(1), templateText)
    .refine((needs) => Object.keys(needs).length <= MAX_NEEDS, `name at most ${MAX_NEEDS} needs`)
    .optional(),
});

const teamKey = z
  .string()
  .max(50, 'keep team keys under 50 characters')
  .regex(/^[a-z][a-z0-9_]*$/, 'team keys are lower-case letters, digits and underscores');

/** What ops may change of the shipped wording: any part, for every team or for one team. */
export const handoffTemplatesOverrideSchema = teamTemplateOverrideSchema.extend({
  teams: z
    .record(teamKey, teamTemplateOverrideSchema)
    .refine(
      (teams) => Object.keys(teams).length <= MAX_TEMPLATE_TEAMS,
      `override at most ${MAX_TEMPLATE_TEAMS} teams`,
    )
    .optional(),
});
export type HandoffTemplatesOverrideView = z.infer<typeof handoffTemplatesOverrideSchema>;

export const handoffTemplatesSchema = z.object({
  message: z.string(),
  reasons: z.record(z.string(), z.string()),
  wait: waitPhrasesSchema,
  needs: z.record(z.string(), z.string()),
  teams: z.record(z.string(), teamTemplateOverrideSchema),
});

export const templateProblemSchema = z.object({
  /** Which template or rendered case failed, e.g. `message` or `team billing: reason urgent, wait closed`. */
  where: z.string(),
  /** The handoff parts the linter found missing: acknowledgement, context, expectations. */
  missing: z.array(z.string()),
  notes: z.array(z.string()),
});
export type TemplateProblemView = z.infer<typeof templateProblemSchema>;

export const templateVersionEntrySchema = z.object({
  version: z.number().int().min(1),
  authorName: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
});

export const handoffTemplatesViewSchema = z.object({
  /** The wording Baton ships with, for reference. */
  defaults: handoffTemplatesSchema,
  /** The saved override; null while the shipped wording is used as is. */
  override: handoffTemplatesOverrideSchema.nullable(),
  /** The saved version; 0 before the first save. */
  version: z.number().int().min(0),
  history: z.array(templateVersionEntrySchema),
  canChange: z.boolean(),
});
export type HandoffTemplatesView = z.infer<typeof handoffTemplatesViewSchema>;

export const templatesCheckRequestSchema = z.object({ override: handoffTemplatesOverrideSchema });
export type TemplatesCheckRequest = z.infer<typeof templatesCheckRequestSchema>;

export const publishTemplatesRequestSchema = templatesCheckRequestSchema.extend({
  note: changeNote,
  /** The version the edit was made from: refused (409 `conflict`) when another was saved since. */
  basedOnVersion: z.number().int().min(0).max(2_147_483_647).optional(),
});
export type PublishTemplatesRequest = z.infer<typeof publishTemplatesRequestSchema>;

export const templatesCheckResponseSchema = z.object({
  ok: z.boolean(),
  problems: z.array(templateProblemSchema),
});
export type TemplatesCheckResponse = z.infer<typeof templatesCheckResponseSchema>;

// ---- integration health ----

export const integrationHealthViewSchema = z.object({
  name: z.string(),
  calls: z.number().int(),
  failures: z.number().int(),
  timeouts: z.number().int(),
  /** (failures + timeouts) ÷ calls. */
  errorRate: z.number(),
  latencyP50Ms: z.number().nullable(),
  latencyP95Ms: z.number().nullable(),
  lastError: z.string().nullable(),
});
export type IntegrationHealthView = z.infer<typeof integrationHealthViewSchema>;

export const integrationsHealthResponseSchema = z.object({
  /** The window the figures cover, ending now. */
  since: z.string(),
  windowMinutes: z.number(),
  integrations: z.array(integrationHealthViewSchema),
});
export type IntegrationsHealthResponse = z.infer<typeof integrationsHealthResponseSchema>;
