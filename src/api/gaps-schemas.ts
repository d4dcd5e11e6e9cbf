/** The knowledge gaps screen's responses and requests (SPEC §8), shared by the server and the web app. */
import { z } from 'zod';
import { paragraphText } from './text-fields.ts';

export const knowledgeGapSchema = z.object({
  id: z.string(),
  label: z.string(),
  terms: z.array(z.string()),
  conversations: z.number(),
  conversationIds: z.array(z.string()),
  examples: z.array(z.string()),
  category: z.string().nullable(),
  fromLabels: z.number(),
  weekly: z.array(z.object({ week: z.string(), questions: z.number(), share: z.number() })),
  trend: z.enum(['new', 'rising', 'falling', 'closed', 'steady']),
});
export type KnowledgeGapView = z.infer<typeof knowledgeGapSchema>;

export const knowledgeGapsSchema = z.object({ gaps: z.array(knowledgeGapSchema) });

export const articleDraftSchema = z.object({
  title: z.string(),
  category: z.string().nullable(),
  tags: z.array(z.string()),
  body: z.string(),
  markdown: z.string(),
  replies: z.number(),
});
export type ArticleDraftView = z.infer<typeof articleDraftSchema>;

export const publishArticleRequestSchema = z.object({ markdown: paragraphText(512 * 1024).min(1) }).strict();
export const publishedArticleSchema = z.object({ slug: z.string(), title: z.string() });
