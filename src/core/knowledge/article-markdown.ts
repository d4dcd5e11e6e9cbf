/**
 * Knowledge articles as Markdown files with YAML front matter:
 *
 *   ---
 *   title: Where is my order?
 *   category: order_status
 *   tags: [tracking, delivery]
 *   ---
 *   # Where is my order?
 *   …
 *
 * Parsing returns every problem of a file at once, each naming the file and the field to fix.
 */
import { readYaml } from '../yaml/read-yaml.ts';

/** The default taxonomy (SPEC §5); an article's category must be one of these unless told otherwise. */
export const defaultArticleCategories = [
  'order_status',
  'shipping',
  'account_access',
  'billing',
  'refund',
  'payment_dispute',
  'account_closure',
  'fraud',
  'legal',
  'compliance_privacy',
  'product_question',
  'complaint',
  'other',
] as const;

export interface ParsedArticle {
  readonly slug: string;
  readonly title: string;
  readonly category: string | null;
  readonly tags: readonly string[];
  readonly body: string;
}

export interface ArticleProblem {
  /** The front-matter field (or `front matter`, `body`) that needs fixing. */
  readonly field: string;
  readonly message: string;
}

export type ArticleParse =
  | { readonly kind: 'article'; readonly article: ParsedArticle }
  | { readonly kind: 'invalid'; readonly fileName: string; readonly problems: readonly ArticleProblem[] };

const frontMatterPattern = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const maxTitleLength = 200;
const maxTagCount = 30;

/** The slug a file name stands for: `Where-is my order.md` → `where-is-my-order`. */
export const slugFromFileName = (fileName: string): string =>
  (fileName.split(/[\\/]/).at(-1) ?? fileName)
    .replace(/\.(?:md|markdown)$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

const readFrontMatter = (
  text: string,
):
  | { kind: 'ok'; fields: Record<string, unknown>; body: string }
  | { kind: 'problem'; problem: ArticleProblem } => {
  const match = frontMatterPattern.exec(text);
  if (!match) {
    return {
      kind: 'problem',
      problem: {
        field: 'front matter',
        message:
          'missing: start the file with a "---" line, then title/category/tags, then another "---" line',
      },
    };
  }
  const read = readYaml(match[1] ?? '');
  if (read.kind === 'invalid') {
    return { kind: 'problem', problem: { field: 'front matter', message: read.message } };
  }
  const fields = read.value;
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) {
    return {
      kind: 'problem',
      problem: { field: 'front matter', message: 'must be "key: value" lines (title, category, tags)' },
    };
  }
  return { kind: 'ok', fields: { ...fields }, body: text.slice(match[0].length).trim() };
};

const readTitle = (value: unknown, problems: ArticleProblem[]): string => {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    problems.push({ field: 'title', message: 'is missing: add a line "title: <the article title>"' });
    return '';
  }
  if (typeof value !== 'string' && typeof value !== 'number') {
    problems.push({ field: 'title', message: 'must be text' });
    return '';
  }
  const title = String(value).trim();
  if (title.length > maxTitleLength) {
    problems.push({
      field: 'title',
      message: `is ${title.length} characters long; keep it under ${maxTitleLength}`,
    });
  }
  return title;
};

const readCategory = (
  value: unknown,
  categories: readonly string[],
  problems: ArticleProblem[],
): string | null => {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || !categories.includes(value.trim())) {
    problems.push({
      field: 'category',
      message: `"${String(value)}" is not a known category; use one of: ${categories.join(', ')}`,
    });
    return null;
  }
  return value.trim();
};

const readTags = (value: unknown, problems: ArticleProblem[]): string[] => {
  if (value === undefined || value === null) return [];
  const list = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(list) || !list.every((tag) => typeof tag === 'string' || typeof tag === 'number')) {
    problems.push({ field: 'tags', message: 'must be a list of words, e.g. "tags: [refund, returns]"' });
    return [];
  }
  const tags = [...new Set(list.map((tag) => String(tag).trim()).filter((tag) => tag !== ''))];
  if (tags.length > maxTagCount) {
    problems.push({ field: 'tags', message: `has ${tags.length} tags; keep it to ${maxTagCount} or fewer` });
  }
  return tags;
};

/** Parses one Markdown article; `categories` is the taxonomy its `category` must belong to. */
export const parseArticleMarkdown = (
  fileName: string,
  text: string,
  categories: readonly string[] = defaultArticleCategories,
): ArticleParse => {
  const frontMatter = readFrontMatter(text);
  if (frontMatter.kind === 'problem') return { kind: 'invalid', fileName, problems: [frontMatter.problem] };
  const { fields, body } = frontMatter;
  const problems: ArticleProblem[] = [];
  const title = readTitle(fields.title, problems);
  const category = readCategory(fields.category, categories, problems);
  const tags = readTags(fields.tags, problems);
  const slug =
    typeof fields.slug === 'string' && fields.slug.trim() !== ''
      ? slugFromFileName(fields.slug)
      : slugFromFileName(fileName);
  if (slug === '')
    problems.push({ field: 'slug', message: 'is empty: name the file with letters or digits' });
  if (body === '')
    problems.push({ field: 'body', message: 'is empty: write the article below the front matter' });
  if (problems.length > 0) return { kind: 'invalid', fileName, problems };
  return { kind: 'article', article: { slug, title, category, tags, body } };
};

/** One line per problem, e.g. `refunds.md: category "refunds" is not a known category; …`. */
export const describeArticleProblems = (fileName: string, problems: readonly ArticleProblem[]): string[] =>
  problems.map((problem) => `${fileName}: ${problem.field} ${problem.message}`);
