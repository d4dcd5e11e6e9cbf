/**
 * The knowledge page (issue 10, SPEC §1 and §12): every staff role reads the articles and their
 * versions; ops and admins create, edit, unpublish, republish, mark reviewed and delete. Every
 * change is a new version by the person who made it; the answerer reads the current published
 * version, and hears of a change at commit (the change notices of the per-process caches).
 */
import { canEditKnowledge } from '../../core/auth/permissions.ts';
import { DomainError } from '../../core/errors.ts';
import { defaultArticleCategories, slugFromFileName } from '../../core/knowledge/article-markdown.ts';
import type { Agent } from '../../core/model.ts';
import type {
  ArticleContent,
  ArticleEdit,
  ArticleRecord,
  ArticleVersion,
  ArticleWrite,
} from '../../core/ports/store.ts';
import { policyCategoryNames } from '../category-confirmation.ts';
import type { AppContext } from '../context.ts';

const requireEditor = (actor: Agent): void => {
  if (!canEditKnowledge(actor)) throw new DomainError('forbidden', 'Only ops and admins change articles.');
};

const articleIn = async (ctx: AppContext, id: string): Promise<ArticleRecord> => {
  const article = await ctx.store.articles.record(id);
  if (!article || article.workspaceId !== ctx.workspace.id) {
    throw new DomainError(
      'not_found',
      `No article ${id} in this workspace. Pick one from the knowledge list.`,
    );
  }
  return article;
};

/** An article's category must be one the escalation policy routes (or the default taxonomy, with no policy). */
const checkCategory = async (ctx: AppContext, category: string | null): Promise<void> => {
  if (category === null) return;
  const routed = await policyCategoryNames(ctx.store, ctx.workspace.id);
  const known: readonly string[] = routed.length > 0 ? routed : defaultArticleCategories;
  if (!known.includes(category)) {
    throw new DomainError(
      'invalid_input',
      `"${category}" is not a category of the policy; use one of: ${known.join(', ')}.`,
    );
  }
};

const savedOrThrow = (write: ArticleWrite, slug?: string): ArticleRecord => {
  switch (write.kind) {
    case 'saved':
      return write.article;
    case 'not_found':
      throw new DomainError('not_found', 'This article was deleted meanwhile. Reload the knowledge list.');
    case 'stale':
      throw new DomainError(
        'conflict',
        `Someone saved version ${write.current.version} of this article meanwhile. Reload it, then make your change again.`,
      );
    case 'slug_taken':
      throw new DomainError(
        'conflict',
        `An article with the address "${slug ?? ''}" exists. Choose another slug.`,
      );
  }
};

export const listArticles = (ctx: AppContext, search?: string): Promise<ArticleRecord[]> =>
  ctx.store.articles.records(ctx.workspace.id, search);

export const articleWithVersions = async (
  ctx: AppContext,
  id: string,
): Promise<{ article: ArticleRecord; versions: ArticleVersion[] }> => {
  const article = await articleIn(ctx, id);
  return { article, versions: await ctx.store.articles.versions(article.id) };
};

export const createKnowledgeArticle = async (
  ctx: AppContext,
  actor: Agent,
  input: ArticleContent & { readonly slug?: string | undefined },
): Promise<ArticleRecord> => {
  requireEditor(actor);
  const slug = slugFromFileName(input.slug?.trim() ? input.slug : input.title);
  if (slug === '')
    throw new DomainError(
      'invalid_input',
      'The slug needs letters or digits; write one or a title with some.',
    );
  await checkCategory(ctx, input.category);
  const { title, category, tags, body } = input;
  const write = await ctx.store.articles.create({
    workspaceId: ctx.workspace.id,
    slug,
    author: actor.name,
    ...{ title, category, tags, body },
  });
  return savedOrThrow(write, slug);
};

export const changeKnowledgeArticle = async (
  ctx: AppContext,
  actor: Agent,
  id: string,
  expectedVersion: number,
  change: ArticleEdit,
): Promise<ArticleRecord> => {
  requireEditor(actor);
  await articleIn(ctx, id);
  if (change.kind === 'edit') await checkCategory(ctx, change.content.category);
  return savedOrThrow(await ctx.store.articles.change({ id, expectedVersion, author: actor.name, change }));
};

export const markArticleReviewed = async (
  ctx: AppContext,
  actor: Agent,
  id: string,
): Promise<ArticleRecord> => {
  requireEditor(actor);
  await articleIn(ctx, id);
  const reviewed = await ctx.store.articles.markReviewed(id, actor.name);
  if (!reviewed)
    throw new DomainError('not_found', 'This article was deleted meanwhile. Reload the knowledge list.');
  return reviewed;
};

export const deleteKnowledgeArticle = async (ctx: AppContext, actor: Agent, id: string): Promise<void> => {
  requireEditor(actor);
  await articleIn(ctx, id);
  await ctx.store.articles.delete(id);
};
