/**
 * Importing knowledge through the browser or the API while the server runs (issue 10): several
 * Markdown files and/or help-centre JSON exports (Zendesk Guide, Intercom), parsed by the same core
 * as `baton import`. Each article is saved as a new version by the person who imported it (the
 * same content again changes nothing); every entry not imported is reported by name with why.
 */
import { canEditKnowledge } from '../../core/auth/permissions.ts';
import { DomainError } from '../../core/errors.ts';
import {
  defaultArticleCategories,
  type ParsedArticle,
  parseArticleMarkdown,
} from '../../core/knowledge/article-markdown.ts';
import { parseHelpCenterExport } from '../../core/knowledge/help-center-export.ts';
import type { Agent } from '../../core/model.ts';
import { policyCategoryNames } from '../category-confirmation.ts';
import type { AppContext } from '../context.ts';

export interface ImportFile {
  /** The file's name (a folder's files may carry their relative path, `kb/refunds.md`). */
  readonly name: string;
  readonly text: string;
}

export interface KnowledgeImportSummary {
  readonly imported: { name: string; slug: string; title: string }[];
  readonly skipped: { name: string; reason: string }[];
}

/** One article's Markdown or HTML at most: a help-centre article is a few KB. */
export const maxImportArticleChars = 512 * 1024;

const baseName = (name: string): string => name.split(/[\\/]/).at(-1) ?? name;

const sizeReason = (chars: number) =>
  `is ${Math.ceil(chars / 1024)} KB; an article may be at most ${maxImportArticleChars / 1024} KB. Split it into several articles`;

interface Parsed {
  readonly articles: readonly { readonly name: string; readonly article: ParsedArticle }[];
  readonly skipped: readonly { readonly name: string; readonly reason: string }[];
}

const skip = (name: string, reason: string): Parsed => ({ articles: [], skipped: [{ name, reason }] });

const parseFile = (file: ImportFile, categories: readonly string[]): Parsed => {
  const fileName = baseName(file.name);
  if (fileName.startsWith('.')) return skip(file.name, 'is hidden (its name starts with a dot)');
  if (/\.json$/i.test(fileName)) {
    const parsed = parseHelpCenterExport(file.name, file.text, maxImportArticleChars);
    return parsed.kind === 'invalid' ? skip(file.name, parsed.message) : parsed;
  }
  if (!/\.(?:md|markdown)$/i.test(fileName))
    return skip(file.name, 'is not Markdown (.md) or a help-centre export (.json)');
  if (file.text.length > maxImportArticleChars) return skip(file.name, sizeReason(file.text.length));
  const parsed = parseArticleMarkdown(fileName, file.text, categories);
  if (parsed.kind === 'invalid') {
    const reasons = parsed.problems.map((problem) => `${problem.field} ${problem.message}`);
    return skip(file.name, reasons.join('; '));
  }
  return { articles: [{ name: file.name, article: parsed.article }], skipped: [] };
};

export const importKnowledgeFiles = async (
  ctx: AppContext,
  actor: Agent,
  files: readonly ImportFile[],
): Promise<KnowledgeImportSummary> => {
  if (!canEditKnowledge(actor)) throw new DomainError('forbidden', 'Only ops and admins import articles.');
  const routed = await policyCategoryNames(ctx.store, ctx.workspace.id);
  const categories: readonly string[] = routed.length > 0 ? routed : defaultArticleCategories;
  const parsed = files.map((file) => parseFile(file, categories));
  const skipped = parsed.flatMap((file) => file.skipped);
  const imported: { name: string; slug: string; title: string }[] = [];
  const slugOwners = new Map<string, string>();
  for (const { name, article } of parsed.flatMap((file) => file.articles)) {
    const owner = slugOwners.get(article.slug);
    if (owner !== undefined) {
      skipped.push({
        name,
        reason: `has the address "${article.slug}" of ${owner}; rename one of them`,
      });
      continue;
    }
    slugOwners.set(article.slug, name);
    const saved = await ctx.store.articles.upsert({
      workspaceId: ctx.workspace.id,
      ...article,
      author: actor.name,
    });
    imported.push({ name, slug: saved.slug, title: saved.title });
  }
  return { imported, skipped };
};
