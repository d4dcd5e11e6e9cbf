/** The knowledge page's requests and responses (issue 10), shared by the server and the web app. */
import { z } from 'zod';
import { lineText, paragraphText } from './text-fields.ts';

/** An article's Markdown body: the same bound as an article published from a knowledge gap. */
export const maxArticleBodyChars = 512 * 1024;

const tagSchema = lineText(60).min(1);

export const articleContentSchema = z
  .object({
    title: lineText(200).min(1, 'write a title'),
    category: lineText(60).min(1).nullable(),
    tags: z.array(tagSchema).max(30, 'keep it to 30 tags or fewer'),
    body: paragraphText(maxArticleBodyChars).trim().min(1, 'write the article (Markdown)'),
  })
  .strict();

export const createArticleRequestSchema = articleContentSchema
  .extend({
    /** The article's address; from the title when left out. */
    slug: lineText(120).optional(),
  })
  .strict();
export type CreateArticleRequest = z.infer<typeof createArticleRequestSchema>;

/** Every change names the version it was made from: a save over someone else's newer version is refused. */
export const editArticleRequestSchema = articleContentSchema
  .extend({ version: z.number().int().positive() })
  .strict();
export type EditArticleRequest = z.infer<typeof editArticleRequestSchema>;

export const articleVersionRequestSchema = z.object({ version: z.number().int().positive() }).strict();

export const articleListQuerySchema = z.object({ search: lineText(200).optional() });

export const knowledgeArticleSchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  category: z.string().nullable(),
  tags: z.array(z.string()),
  body: z.string(),
  version: z.number(),
  published: z.boolean(),
  updatedAt: z.string(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
});
export type KnowledgeArticleView = z.infer<typeof knowledgeArticleSchema>;

export const knowledgeListSchema = z.object({
  articles: z.array(knowledgeArticleSchema),
  /** The categories an article may have: the policy's. */
  categories: z.array(z.string()),
});

export const articleVersionSchema = z.object({
  version: z.number(),
  change: z.enum(['created', 'edited', 'unpublished', 'republished']),
  title: z.string(),
  category: z.string().nullable(),
  tags: z.array(z.string()),
  body: z.string(),
  published: z.boolean(),
  author: z.string(),
  createdAt: z.string(),
});
export type ArticleVersionView = z.infer<typeof articleVersionSchema>;

export const articleDetailSchema = z.object({
  article: knowledgeArticleSchema,
  versions: z.array(articleVersionSchema),
});
export type ArticleDetailView = z.infer<typeof articleDetailSchema>;

/** One import request at most (Markdown files and help-centre exports together); the browser checks it first. */
export const maxKnowledgeImportBytes = 4 * 1024 * 1024;

/** `POST /api/knowledge/import`: Markdown files (`.md`) and Zendesk Guide or Intercom exports (`.json`). */
export const knowledgeImportRequestSchema = z
  .object({
    files: z
      .array(z.object({ name: lineText(300).min(1), text: paragraphText(maxKnowledgeImportBytes) }).strict())
      .min(1, 'choose at least one file')
      .max(1000, 'import 1000 files or fewer at once'),
  })
  .strict();
export type KnowledgeImportRequest = z.infer<typeof knowledgeImportRequestSchema>;

export const knowledgeImportResultSchema = z.object({
  imported: z.array(z.object({ name: z.string(), slug: z.string(), title: z.string() })),
  /** Every entry not imported (drafts, empty, over the size limit, dotfiles, invalid), with why. */
  skipped: z.array(z.object({ name: z.string(), reason: z.string() })),
});
export type KnowledgeImportResult = z.infer<typeof knowledgeImportResultSchema>;
