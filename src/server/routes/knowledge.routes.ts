/** The knowledge page's API (issue 10): articles with their versions; every staff role reads, ops and admins write. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  articleDetailSchema,
  articleListQuerySchema,
  articleVersionRequestSchema,
  createArticleRequestSchema,
  editArticleRequestSchema,
  knowledgeArticleSchema,
  knowledgeImportRequestSchema,
  knowledgeImportResultSchema,
  knowledgeListSchema,
} from '../../api/knowledge-schemas.ts';
import { policyCategoryNames } from '../../app/category-confirmation.ts';
import { importKnowledgeFiles } from '../../app/knowledge/import-knowledge.ts';
import {
  articleWithVersions,
  changeKnowledgeArticle,
  createKnowledgeArticle,
  deleteKnowledgeArticle,
  listArticles,
  markArticleReviewed,
} from '../../app/knowledge/knowledge-articles.ts';
import { defaultArticleCategories } from '../../core/knowledge/article-markdown.ts';
import type { ArticleRecord, ArticleVersion } from '../../core/ports/store.ts';
import { errorResponses } from '../http-errors.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { requireAgent } from './require-agent.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const session = [{ agentSession: [] }];
const idParam = z.object({ id: z.string().min(1).max(100) });

const presentArticle = (article: ArticleRecord) => ({
  id: article.id,
  slug: article.slug,
  title: article.title,
  category: article.category,
  tags: [...article.tags],
  body: article.body,
  version: article.version,
  published: article.published,
  updatedAt: article.updatedAt.toISOString(),
  reviewedAt: article.reviewedAt?.toISOString() ?? null,
  reviewedBy: article.reviewedBy,
});

const presentVersion = (version: ArticleVersion) => ({
  version: version.version,
  change: version.change,
  title: version.title,
  category: version.category,
  tags: [...version.tags],
  body: version.body,
  published: version.published,
  author: version.author,
  createdAt: version.createdAt.toISOString(),
});

const articleResponse = (description: string) => ({
  200: { description, content: json(knowledgeArticleSchema) },
  ...errorResponses,
});

/** A versioned change of publication: POST …/unpublish or …/republish with the version it was made from. */
const publicationRoute = (kind: 'unpublish' | 'republish', summary: string) =>
  createRoute({
    method: 'post',
    path: `/api/knowledge/articles/{id}/${kind}`,
    summary,
    security: session,
    request: { params: idParam, body: { content: json(articleVersionRequestSchema), required: true } },
    responses: articleResponse(kind === 'unpublish' ? 'Unpublished' : 'Republished'),
  });

export const knowledgeRoutes = (deps: ServerDeps) => {
  const routes = new OpenAPIHono<ServerEnv>();
  const ctx = deps.app;
  routes.use('/api/knowledge/*', requireAgent(deps));

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/knowledge/articles',
      summary: 'Every article, unpublished too, by title; `search` narrows by title, slug, tags or text',
      security: session,
      request: { query: articleListQuerySchema },
      responses: { 200: { description: 'Articles', content: json(knowledgeListSchema) }, ...errorResponses },
    }),
    async (c) => {
      const articles = await listArticles(ctx, c.req.valid('query').search);
      const routed = await policyCategoryNames(ctx.store, ctx.workspace.id);
      const categories = routed.length > 0 ? routed : [...defaultArticleCategories];
      return c.json({ articles: articles.map(presentArticle), categories }, 200);
    },
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/knowledge/articles',
      summary: 'Create an article, published at once (ops, admin)',
      security: session,
      request: { body: { content: json(createArticleRequestSchema), required: true } },
      responses: {
        201: { description: 'Created', content: json(knowledgeArticleSchema) },
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(presentArticle(await createKnowledgeArticle(ctx, c.var.agent, c.req.valid('json'))), 201),
  );

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/knowledge/articles/{id}',
      summary: 'One article with every version, newest first',
      security: session,
      request: { params: idParam },
      responses: {
        200: { description: 'The article', content: json(articleDetailSchema) },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { article, versions } = await articleWithVersions(ctx, c.req.valid('param').id);
      return c.json({ article: presentArticle(article), versions: versions.map(presentVersion) }, 200);
    },
  );

  routes.openapi(
    createRoute({
      method: 'put',
      path: '/api/knowledge/articles/{id}',
      summary: 'Save an edit as a new version, made from `version` (ops, admin)',
      security: session,
      request: { params: idParam, body: { content: json(editArticleRequestSchema), required: true } },
      responses: articleResponse('Saved'),
    }),
    async (c) => {
      const { version, ...content } = c.req.valid('json');
      const change = { kind: 'edit' as const, content };
      const saved = await changeKnowledgeArticle(ctx, c.var.agent, c.req.valid('param').id, version, change);
      return c.json(presentArticle(saved), 200);
    },
  );

  for (const kind of ['unpublish', 'republish'] as const) {
    const summary =
      kind === 'unpublish'
        ? 'Stop answering from an article, kept as a version (ops, admin)'
        : 'Answer from an unpublished article again (ops, admin)';
    routes.openapi(publicationRoute(kind, summary), async (c) => {
      const { id } = c.req.valid('param');
      const saved = await changeKnowledgeArticle(ctx, c.var.agent, id, c.req.valid('json').version, { kind });
      return c.json(presentArticle(saved), 200);
    });
  }

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/knowledge/articles/{id}/reviewed',
      summary: 'Mark an article reviewed today (ops, admin)',
      security: session,
      request: { params: idParam },
      responses: articleResponse('Reviewed'),
    }),
    async (c) =>
      c.json(presentArticle(await markArticleReviewed(ctx, c.var.agent, c.req.valid('param').id)), 200),
  );

  routes.openapi(
    createRoute({
      method: 'delete',
      path: '/api/knowledge/articles/{id}',
      summary: 'Delete an article and its versions (ops, admin)',
      security: session,
      request: { params: idParam },
      responses: { 204: { description: 'Deleted' }, ...errorResponses },
    }),
    async (c) => {
      await deleteKnowledgeArticle(ctx, c.var.agent, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/knowledge/import',
      summary:
        'Import Markdown files and Zendesk Guide or Intercom article exports, each as a new version by the importer (ops, admin)',
      security: session,
      request: { body: { content: json(knowledgeImportRequestSchema), required: true } },
      responses: {
        200: {
          description: 'What was imported and what was skipped, with why',
          content: json(knowledgeImportResultSchema),
        },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await importKnowledgeFiles(ctx, c.var.agent, c.req.valid('json').files), 200),
  );

  return routes;
};
