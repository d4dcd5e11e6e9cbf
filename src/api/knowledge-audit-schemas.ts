/** The knowledge audit (SPEC §8): findings that link to the articles, and its setting; shared with the web app. */
import { z } from 'zod';
import { paragraphText } from './text-fields.ts';

const articleRefSchema = z.object({ id: z.string(), slug: z.string(), title: z.string() });

const factSchema = z.object({ quoted: z.string(), sentence: z.string() });

export const auditFindingSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('contradiction'),
    articles: z.tuple([articleRefSchema, articleRefSchema]),
    /** Each fact the two articles state differently: the kind of number and both sentences. */
    facts: z.array(z.object({ dimension: z.string(), left: factSchema, right: factSchema })),
  }),
  z.object({
    kind: z.literal('near_duplicate'),
    articles: z.tuple([articleRefSchema, articleRefSchema]),
    similarity: z.number(),
  }),
  z.object({
    kind: z.literal('stale'),
    article: articleRefSchema,
    lastCheckedAt: z.string(),
    daysSince: z.number(),
  }),
]);
export type AuditFindingView = z.infer<typeof auditFindingSchema>;

export const knowledgeAuditSchema = z.object({
  /** Published articles audited (unpublished ones reach no customer). */
  articles: z.number(),
  /** An article not reviewed (or edited) for this many days is listed. */
  reviewEveryDays: z.number(),
  /** Whether the signed-in person may change the setting (ops and admins). */
  canChange: z.boolean(),
  /** Contradictions first, then near-duplicates, then articles overdue for review. */
  findings: z.array(auditFindingSchema),
});
export type KnowledgeAuditView = z.infer<typeof knowledgeAuditSchema>;

export const knowledgeAuditSettingsRequestSchema = z
  .object({
    reviewEveryDays: z
      .number()
      .int('a whole number of days')
      .min(1, 'at least 1 day')
      .max(3_650, 'at most 3650 days (ten years)'),
    note: paragraphText(1_000).optional(),
  })
  .strict();
export type KnowledgeAuditSettingsRequest = z.infer<typeof knowledgeAuditSettingsRequestSchema>;
